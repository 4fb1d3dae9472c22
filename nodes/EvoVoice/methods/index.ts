import { evoVoiceApiTest } from './credentialTest';

/** The node's credential tests, by the name its `testedBy` gives. */
export const credentialTest = { evoVoiceApiTest };
export * as listSearch from './listSearch';
export * as loadOptions from './loadOptions';
