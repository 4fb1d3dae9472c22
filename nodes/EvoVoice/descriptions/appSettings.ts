import type { INodeProperties } from 'n8n-workflow';

import { APP_SETTINGS } from '../model/fields';

export function appSettingsField(): INodeProperties {
	return {
		displayName: 'App Settings',
		name: 'appSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description:
			'Customer portal settings. With Update Mode on Merge (the default) only what you add changes; on Replace, what you leave out is reset.',
		options: APP_SETTINGS.map((setting) => ({
			displayName: setting.displayName,
			name: setting.name,
			type: setting.valueType,
			default: setting.valueType === 'boolean' ? false : '',
			...(setting.name === 'customCss' || setting.name === 'chakraTheme' || setting.name === 'stringMappings'
				? { typeOptions: { rows: 4 } }
				: {}),
			description: setting.description,
		})),
	};
}
