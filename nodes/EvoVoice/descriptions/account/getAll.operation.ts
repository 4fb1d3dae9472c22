import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listFields, nameFilterField } from '../shared/getAll';

const properties: INodeProperties[] = listFields([
			nameFilterField('accounts'),
]);

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);
