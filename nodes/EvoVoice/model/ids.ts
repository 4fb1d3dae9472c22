import { LIMITS } from './schemas';
import { InputError } from './inputError';
import { problems } from './messages';

/**
 * Checks an entity ID and returns it trimmed. Any character is allowed (IDs may carry slashes,
 * unicode or `..` inside them); transport/paths.ts percent-encodes it into the one path it builds.
 */
export function checkId(value: unknown, label: string, path: string): string {
	const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof id !== 'string') throw new InputError({ label, path, problem: problems.notText(id) });
	const trimmed = id.trim();
	if (trimmed === '') throw new InputError({ label, path, problem: problems.blank(id) });
	if (trimmed.length > LIMITS.id) throw new InputError({ label, path, problem: problems.tooLong(trimmed, LIMITS.id) });
	// URL parsers resolve "." and ".." as path steps even when percent-encoded, so no encoding can
	// keep them in place: they cannot be IDs.
	if (trimmed === '.' || trimmed === '..') throw new InputError({ label, path, problem: problems.dotSegment(trimmed) });
	return trimmed;
}
