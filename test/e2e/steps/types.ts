import type { Sandbox, SeedData } from '../../../sandbox';
import type { Checks } from '../checks';
import type { N8nHost } from '../../../scripts/n8n/hosts';
import type { N8nInstance } from '../../../scripts/n8n/instance';
import type { N8nRest } from '../../../scripts/n8n/rest';
import type { N8nServer } from '../../../scripts/n8n/server';

/** What a step of the end-to-end suite works with, for one n8n host. */
export interface E2eContext {
	host: N8nHost;
	instance: N8nInstance;
	/** The `npm pack` tarball under test. */
	tarball: string;
	/** What the sandbox was started with (to tell changed values from kept ones). */
	seed: SeedData;
	sandbox: Sandbox;
	checks: Checks;
	/** Set by the step that starts n8n; steps with `needsServer` run only once it is. */
	server?: N8nServer;
	/** Logged in as the owner once the owner step ran. */
	rest?: N8nRest;
}

/** The context of a step that needs `n8n start` running. */
export type ServerContext = E2eContext & { server: N8nServer; rest: N8nRest };

export type Step =
	| { name: string; needsServer?: false; run(ctx: E2eContext): Promise<void> }
	| { name: string; needsServer: true; run(ctx: ServerContext): Promise<void> };
