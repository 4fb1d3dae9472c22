import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator } from '../shared/resourceLocators';

const properties: INodeProperties[] = [customerLocator({ description: 'The customer to delete', byReference: true })];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['delete'] } }, properties);
