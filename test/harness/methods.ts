import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import * as listSearch from '../../nodes/EvoVoice/methods/listSearch';
import * as loadOptions from '../../nodes/EvoVoice/methods/loadOptions';
import { NodeTypes, buildAdditionalData, evoVoiceNode } from './index';

/** A LoadOptionsContext from n8n-core, as the editor gets when it opens a picker. */
export function pickerContext(parameters: INodeParameters, credentials: ICredentialDataDecryptedObject) {
	const node = evoVoiceNode(parameters);
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes: new NodeTypes(), active: false });
	return new LoadOptionsContext(workflow, node, buildAdditionalData(undefined, credentials, parameters), 'parameters');
}

export async function search(
	method: keyof typeof listSearch,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
) {
	return await listSearch[method].call(pickerContext(parameters, credentials), filter, paginationToken);
}

export async function options(
	method: keyof typeof loadOptions,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
) {
	return await loadOptions[method].call(pickerContext(parameters, credentials));
}
