/**
 * n8n's verification scanner, run here before publishing: `analyzePackage` of
 * @n8n/scan-community-package (the same function `npx @n8n/scan-community-package` calls) on both
 * legs it scans after publication: the packed tarball's compiled files and package.json, and the
 * source it was built from (package.json, nodes/ and credentials/). Only its provenance check is
 * not run: provenance exists only once a GitHub Action has published the package.
 *
 * Usage: tsx scripts/release/scan-package.ts [--tarball=<file.tgz>] [--no-build]
 *        tsx scripts/release/scan-package.ts --dir=<unpacked package>   (the tarball leg only)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { packPackage } from '../n8n/project';
import { runMain } from '../lib/main';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(dir: string, patterns?: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The tarball leg's file patterns, as analyzePackageByName scans the downloaded package. */
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

export async function loadScanner(): Promise<Scanner> {
	// An ES module with no `exports` map: imported by path, the way its own CLI does.
	return (await import('@n8n/scan-community-package/scanner/scanner.mjs')) as Scanner;
}

/** Unpacks a tarball as npm would install it (the `package/` folder's contents) into a temp folder. */
export function unpackTarball(tarball: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-scan-'));
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar -xzf ${tarball} failed: ${tar.stderr}`);
	return dir;
}

export async function scanTarballDir(dir: string): Promise<ScanResult> {
	return await (await loadScanner()).analyzePackage(dir, TARBALL_PATTERNS);
}

export async function scanSource(dir = ROOT): Promise<ScanResult> {
	const scanner = await loadScanner();
	return await scanner.analyzePackage(dir, scanner.SOURCE_FILE_PATTERNS);
}

function show(label: string, result: ScanResult): void {
	process.stdout.write(`[scan] ${label}: ${result.passed ? 'no findings' : `FAILED: ${result.message ?? ''}`}\n`);
	if (!result.passed && result.details) process.stdout.write(`${result.details.trim()}\n`);
}

async function main(): Promise<number> {
	const started = Date.now();
	const unpacked = process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
	if (unpacked) {
		const result = await scanTarballDir(path.resolve(unpacked));
		show(`package folder ${unpacked}`, result);
		return result.passed ? 0 : 1;
	}
	const given = process.argv.find((a) => a.startsWith('--tarball='))?.slice('--tarball='.length);
	const tarball = given ? path.resolve(given) : packPackage({ build: !process.argv.includes('--no-build') });
	const dir = unpackTarball(tarball);
	try {
		const distResult = await scanTarballDir(dir);
		show(`tarball ${path.basename(tarball)} (${TARBALL_PATTERNS.join(', ')})`, distResult);
		const sourceResult = await scanSource();
		show('source (package.json, nodes/, credentials/)', sourceResult);
		process.stdout.write(`[scan] ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
		return distResult.passed && sourceResult.passed ? 0 : 1;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
		if (!given) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

runMain(module, main, { label: '[scan]' });
