// The Request Options the editor shows: their defaults are the ones the run uses.
import { requestOptions } from '../../nodes/EvoVoice/descriptions/requestOptions';
import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/EvoVoice/executor/settings';
import { DEFAULT_RETRY } from '../../nodes/EvoVoice/transport/retry';

test('the UI defaults of the request options are the ones the hooks use', () => {
	const defaults = Object.fromEntries((requestOptions.options ?? []).map((o) => [(o as { name: string }).name, (o as { default: unknown }).default]));
	expect(defaults).toMatchObject({ maxConcurrency: DEFAULT_MAX_IN_FLIGHT, maxRetries: DEFAULT_RETRY.maxRetries, maxRetryWait: DEFAULT_RETRY.maxWaitSeconds });
});
