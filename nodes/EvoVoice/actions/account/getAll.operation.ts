import { listOperation } from '../common';

export const operation = listOperation('/accounts');
