import { ACCOUNT, getOperation } from '../shared/operations';

export const operation = getOperation(ACCOUNT);
