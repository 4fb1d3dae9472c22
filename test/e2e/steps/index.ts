/**
 * The end-to-end steps, in the order they run against each n8n host. To add a step, write a module
 * exporting a `Step` (see types.ts) and add it here; `needsServer` steps run once `n8n start` is up.
 */
import { aiToolStep } from './ai-tool';
import { concurrencyStep } from './concurrency';
import { credentialTestStep } from './credential-test';
import { executeAccountBillingStep } from './execute-account-billing';
import { executeMonthlyBillingStep } from './execute-monthly-billing';
import { executorChecksStep } from './executor-checks';
import { importCredentialsStep } from './import-credentials';
import { importExamplesStep } from './import-examples';
import { installPackageStep } from './install-package';
import { ownerLoginStep } from './owner-login';
import { referenceIdsStep } from './reference-ids';
import { startServerStep } from './start-server';
import { testScheduleStep } from './test-schedule';
import { triggerStep } from './trigger';
import type { Step } from './types';
import { upsertStep } from './upsert';
import { webhookStep } from './webhook';

export type { E2eContext, ServerContext, Step } from './types';

export const STEPS: Step[] = [
	installPackageStep,
	importCredentialsStep,
	importExamplesStep,
	executorChecksStep,
	executeAccountBillingStep,
	executeMonthlyBillingStep,
	startServerStep,
	ownerLoginStep,
	credentialTestStep,
	aiToolStep,
	webhookStep,
	referenceIdsStep,
	testScheduleStep,
	concurrencyStep,
	upsertStep,
	triggerStep,
];
