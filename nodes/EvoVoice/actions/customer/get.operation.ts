import { CUSTOMER, getOperation } from '../common';

export const operation = getOperation(CUSTOMER);
