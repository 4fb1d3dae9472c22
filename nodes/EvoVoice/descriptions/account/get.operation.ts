import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accountLocator } from '../shared/resourceLocators';

const properties: INodeProperties[] = [accountLocator({ description: 'The account to get' })];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);
