import { CUSTOMER, getOperation } from '../shared/operations';

export const operation = getOperation(CUSTOMER);
