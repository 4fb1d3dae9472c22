import { ACCOUNT, getOperation } from '../common';

export const operation = getOperation(ACCOUNT);
