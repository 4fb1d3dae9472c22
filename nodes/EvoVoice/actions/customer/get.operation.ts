import { CUSTOMER, getOperation } from '../shared/entity';

export const operation = getOperation(CUSTOMER);
