import { listOperation } from '../shared/list';

export const operation = listOperation('/accounts');
