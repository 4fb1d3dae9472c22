import { InputError } from './inputError';
import { problems } from './messages';

/** Accepts tag IDs as the picker stores them (a list) or as an expression gives them (a list or "a, b"). */
export function toTagIds(value: unknown, label = 'Tags', path = 'tagIds'): string[] {
	const list = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(list)) throw new InputError({ label, path, problem: problems.notList(value) });
	const ids = list.map((entry, i) => {
		if (typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string') {
			return (entry as { id: string }).id.trim();
		}
		if (typeof entry !== 'string') {
			throw new InputError({ label, path: `${path}[${i}]`, problem: problems.notText(entry) });
		}
		return entry.trim();
	});
	return [...new Set(ids.filter((id) => id !== ''))];
}
