import { ACCOUNT, getOperation } from '../shared/entity';

export const operation = getOperation(ACCOUNT);
