/**
 * Saved workflows see the node through its description: a restructuring must leave it byte for
 * byte as it was. The release check compares the packed package with the same snapshot.
 */
import * as fs from 'fs';
import * as path from 'path';

import { describePackage, firstDifference, SNAPSHOT } from '../../scripts/release/descriptions';

test('the source describes every node and credential exactly as the committed snapshot', () => {
	const actual = describePackage(path.resolve(__dirname, '..', '..'), true);
	expect(firstDifference(fs.readFileSync(SNAPSHOT, 'utf8'), actual)).toBeUndefined();
});

test('a changed description is found, at its line', () => {
	const snapshot = fs.readFileSync(SNAPSHOT, 'utf8');
	const changed = snapshot.replace('"displayName": "Evo Voice"', '"displayName": "Evo  Voice"');
	expect(firstDifference(snapshot, changed)).toBe('line 3: snapshot "displayName": "Evo Voice", | package "displayName": "Evo  Voice",');
});
