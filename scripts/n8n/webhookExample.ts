/**
 * The call `npm start` tells people to try on the CRM webhook example. One definition, so the
 * browser suite runs exactly the command that is printed, and the example's fields (crmId, name,
 * plan, seats, vip, tags: see examples/crm-webhook-to-evo-voice.json) and this payload cannot drift.
 */
import { WEBHOOK_PATH } from './project';

export { WEBHOOK_PATH };

export const SAMPLE_CONTACT = {
	crmId: 'crm-1001',
	name: 'Acme Dental Group',
	plan: 'Pro',
	seats: 14,
	vip: true,
	tags: ['tag-vip'],
} as const;

/** The customer SAMPLE_CONTACT's crmId names in the sandbox seed. */
export const SAMPLE_CUSTOMER_ID = 'cus-acme';

/** The shell command, as printed (continuation lines indented by `indent`). */
export function curlCommand(baseUrl: string, indent = ''): string {
	return [
		`curl -s -X POST ${baseUrl}/webhook/${WEBHOOK_PATH} \\`,
		`${indent}  -H 'content-type: application/json' \\`,
		`${indent}  -d '${JSON.stringify(SAMPLE_CONTACT)}'`,
	].join('\n');
}
