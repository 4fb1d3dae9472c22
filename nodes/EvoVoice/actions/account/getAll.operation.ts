import { listOperation } from '../shared/operations';

export const operation = listOperation('/accounts');
