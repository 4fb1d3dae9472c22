/**
 * Drives a real n8n (installed by hosts.ts) from the outside, the way a user or an operator would:
 * - processes.ts: every process started runs in its own group and is killed with it;
 * - instance.ts: an isolated user folder and environment, the packed package installed into it;
 * - cli.ts: CLI imports and `n8n execute`; run-data.ts: reading the runs n8n prints or stores;
 * - server.ts: `n8n start` and its production webhooks; rest.ts: the REST API as the editor calls it.
 */
export * from './cli';
export * from './instance';
export * from './processes';
export * from './rest';
export * from './run-data';
export * from './server';
