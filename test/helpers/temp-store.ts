// A real progress store in a fresh temporary folder: tests never touch the user's config.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openStore} from '../../src/progress/store.js';

export function tempDir(prefix = 'tcp-tutor-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

export function tempStore(dir = tempDir()) {
	return openStore({dir, projectVersion: '0.1.0'});
}

/** Lines fed one by one, then end of input. */
export function scripted(lines: readonly string[]) {
	const queue = [...lines];
	return {next: async () => queue.shift()};
}
