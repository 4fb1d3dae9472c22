// Events on demand: what a polling trigger waits for. Each method writes straight into state (no
// HTTP, no validation beyond what keeps state sane) with deterministic IDs and data, stamped by the
// sandbox clock unless `at` says otherwise. A session's life: opened (ended false), then ended
// (ended true, dateCompleted set, dateLastModified bumped). An ended session made in one step
// ended at `at` and was opened durationMs before.
import { runBurst, type BurstResult, type BurstSpec } from './burst';
import { instantOf } from './clock';
import type { CustomerInfo, FlowChannel, NotificationInfo, NotificationType, SandboxState, SessionInfo } from './types';

const BY = 'sandbox-events';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A customer's own line number, the same on every run (a string hash; no lookup in 10 000 customers). */
function lineOf(id: string): number {
	let h = 0;
	for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
	return h % 10_000;
}

export interface SessionOptions {
	customerId?: string;
	/** Default: the customer's account, else the first account. */
	accountId?: string;
	channel?: FlowChannel;
	/** When the event happens: the end of an ended session, the start of an open one. Default now. */
	at?: string | number;
	/** Default true. False: opened at `at`, to be ended later with endSession(). */
	ended?: boolean;
	/** How long an ended session lasted (dateCompleted - dateCreated), default 60 000 ms. */
	durationMs?: number;
	fromAddress?: string;
	toAddress?: string;
	outcome?: string;
	parentSessionId?: string;
}

export interface EndOptions {
	at?: string | number;
	outcome?: string;
}

export interface NotificationOptions {
	customerId?: string;
	accountId?: string;
	type?: NotificationType;
	at?: string | number;
	subject?: string;
}

export interface CustomerCreateOptions {
	accountId?: string;
	parentCustomerId?: string;
	name?: string;
	at?: string | number;
}

export interface CustomerUpdateOptions {
	at?: string | number;
	/** Fields to set; default: integrationData.Sandbox gets a new thirdPartyId, so the change is visible. */
	changes?: Partial<CustomerInfo>;
}

export class Events {
	private updates = 0;

	constructor(
		private readonly state: () => SandboxState,
		private readonly nowMs: () => number,
		private readonly newCustomerId: () => string,
		private readonly changed: () => void,
	) {}

	private stamp(at: string | number | undefined): number {
		return at === undefined ? this.nowMs() : instantOf(at);
	}

	private owner(customerId: string | undefined, accountId: string | undefined): { accountId: string; customer?: CustomerInfo } {
		const s = this.state();
		const customer = customerId === undefined ? undefined : s.customers[customerId];
		if (customerId !== undefined && !customer) throw new Error(`customerId '${customerId}' is not a customer of the sandbox`);
		const account = accountId ?? customer?.accountId ?? Object.keys(s.accounts)[0];
		if (!account || !s.accounts[account]) throw new Error(`accountId '${account}' is not an account of the sandbox`);
		return { accountId: account, customer };
	}

	session(o: SessionOptions = {}): SessionInfo {
		const s = this.state();
		const { accountId, customer } = this.owner(o.customerId, o.accountId);
		let n: number;
		let id: string;
		do id = `ses-${pad((n = s.nextSessionId++), 6)}`;
		while (s.sessions[id]);
		const at = this.stamp(o.at);
		const ended = o.ended ?? true;
		const opened = ended ? at - (o.durationMs ?? 60_000) : at;
		const channel = o.channel ?? 'Voice';
		const from = o.fromAddress ?? `+1202555${pad(n % 10_000, 4)}`;
		const to = o.toAddress ?? `+1800555${pad(lineOf(customer?.id ?? accountId), 4)}`;
		const session: SessionInfo = {
			id, accountId, ...(customer ? { customerId: customer.id, endpointId: `end-${customer.id}`, endpointName: `${customer.name} main line` } : {}),
			channel, ended: false, dialState: 'Active', callState: channel === 'Voice' ? 'Connected' : undefined, queueState: 'None',
			fromAddress: from, toAddress: to, destination: to, fromName: `Caller ${pad(n % 10_000, 4)}`,
			...(channel === 'Voice' ? { callSid: `CA${n.toString(16).padStart(32, '0')}` } : {}),
			...(o.parentSessionId ? { parentSessionId: o.parentSessionId } : {}),
			log: [{ date: new Date(opened).toISOString(), message: `${channel} session from ${from} to ${to}` }],
			dateCreated: new Date(opened).toISOString(), dateLastModified: new Date(opened).toISOString(), createdBy: BY, lastModifiedBy: BY,
		};
		if (session.callState === undefined) delete session.callState;
		s.sessions[id] = session;
		if (ended) this.finish(session, at, o.outcome);
		this.changed();
		return session;
	}

	/** Ends an open session: ended true, dateCompleted and dateLastModified = at (default now). */
	endSession(id: string, o: EndOptions = {}): SessionInfo {
		const session = this.state().sessions[id];
		if (!session) throw new Error(`session '${id}' does not exist`);
		if (session.ended) throw new Error(`session '${id}' has already ended (at ${session.dateCompleted})`);
		this.finish(session, this.stamp(o.at), o.outcome);
		this.changed();
		return session;
	}

	private finish(session: SessionInfo, at: number, outcome?: string): void {
		const when = new Date(at).toISOString();
		session.ended = true;
		session.dialState = 'None';
		if (session.channel === 'Voice') {
			session.callState = 'Disconnected';
			session.answeredByName = 'Front Desk';
		}
		session.outcome = outcome ?? (session.channel === 'Fax' ? 'Delivered' : 'Completed');
		session.dateCompleted = when;
		session.dateLastModified = when;
		session.log = [...(session.log ?? []), { date: when, message: `Session ended: ${session.outcome}` }];
	}

	notification(o: NotificationOptions = {}): NotificationInfo {
		const s = this.state();
		const { accountId, customer } = this.owner(o.customerId, o.accountId);
		let n: number;
		let id: string;
		do id = `ntf-${pad((n = s.nextNotificationId++), 6)}`;
		while (s.notifications[id]);
		const when = new Date(this.stamp(o.at)).toISOString();
		const type = o.type ?? 'Email';
		const from = `+1202555${pad(n % 10_000, 4)}`;
		const to = type === 'Email' ? `frontdesk+${customer?.id ?? accountId}@sandbox.evovoice.test` : `+1800555${pad(n % 10_000, 4)}`;
		const subjects: Record<NotificationType, string> = {
			Email: `New voicemail from ${from}`, Sms: `Missed call from ${from}`, Push: `New chat message from ${from}`,
			IncomingCall: `Incoming call from ${from}`, OutgoingCall: `Outgoing call to ${to}`,
		};
		const notification: NotificationInfo = {
			id, accountId, ...(customer ? { customerId: customer.id } : {}), type, subject: o.subject ?? subjects[type],
			body: `${subjects[type]} (sandbox event ${id})`, recipients: [{ address: to }], attachments: [], from, to, error: false,
			dateCreated: when, dateLastModified: when, createdBy: BY, lastModifiedBy: BY,
		};
		s.notifications[id] = notification;
		this.changed();
		return notification;
	}

	customerCreated(o: CustomerCreateOptions = {}): CustomerInfo {
		const s = this.state();
		const { accountId } = this.owner(undefined, o.accountId ?? (s.accounts['acc-reseller'] ? 'acc-reseller' : undefined));
		const parent = o.parentCustomerId === undefined ? undefined : s.customers[o.parentCustomerId];
		if (o.parentCustomerId !== undefined && parent?.accountId !== accountId) {
			throw new Error(`parentCustomerId '${o.parentCustomerId}' is not a customer of account ${accountId}`);
		}
		const id = this.newCustomerId();
		const when = new Date(this.stamp(o.at)).toISOString();
		const customer: CustomerInfo = {
			id, accountId, name: o.name ?? `Sandbox Customer ${id.replace(/^cus-/, '')}`, referenceId: `crm-${id}`,
			...(parent ? { parentCustomerId: parent.id } : {}), isStaging: false, tags: [], data: {},
			overrideBillingSettings: false, overrideAppSettings: false,
			dateCreated: when, dateLastModified: when, createdBy: BY, lastModifiedBy: BY,
		};
		s.customers[id] = customer;
		this.changed();
		return customer;
	}

	/** Many events in one call (see burst.ts): what POST /__sandbox/events runs. */
	burst(spec: BurstSpec): BurstResult {
		return runBurst(this, this.state(), this.nowMs(), spec);
	}

	customerUpdated(id: string, o: CustomerUpdateOptions = {}): CustomerInfo {
		const s = this.state();
		const current = s.customers[id];
		if (!current) throw new Error(`customerId '${id}' is not a customer of the sandbox`);
		const changes = o.changes ?? { integrationData: { ...current.integrationData, Sandbox: { thirdPartyId: `sandbox-update-${++this.updates}` } } };
		const next: CustomerInfo = { ...current, ...changes, id, dateLastModified: new Date(this.stamp(o.at)).toISOString(), lastModifiedBy: BY };
		s.customers[id] = next; // same key: the customer keeps its place in storage order
		this.changed();
		return next;
	}
}
