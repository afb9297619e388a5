// Two sessions on one store at the same time (two terminals, one learner): both keep their
// results. Each run starts two plain-mode sessions of the built CLI at once, each finishing a
// different lesson; before the store merged, one record was lost in about half of the runs.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const RUNS = Number(process.env['CONCURRENT_RUNS'] ?? 12);

/** A plain session revealing every answer ("!"), so that it finishes the lesson. */
function session(dir: string, lesson: string): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, 'start', lesson, '--seed', '7'], {
			env: {PATH: process.env['PATH'] ?? '', HOME: dir, TCP_TUTOR_CONFIG_DIR: dir}, stdio: ['pipe', 'ignore', 'ignore'],
		});
		child.on('error', reject);
		child.on('exit', code => resolve(code));
		child.stdin.end('!\n'.repeat(60));
	});
}

describe('two sessions finishing different lessons at the same time', () => {
	it(`keep both records, in each of ${RUNS} runs`, async () => {
		const lost: string[] = [];
		for (let run = 0; run < RUNS; run++) {
			const dir = tempDir();
			const codes = await Promise.all([session(dir, 'handshake-letters'), session(dir, 'four-way-close')]);
			expect(codes).toEqual([0, 0]);
			const lessons = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).lessons;
			for (const id of ['handshake-letters', 'four-way-close']) if (lessons[id]?.completed !== true) lost.push(`run ${run + 1}: ${id}`);
		}
		expect(lost).toEqual([]);
	}, 120_000);
});
