// Ctrl+C (SIGINT), kill (SIGTERM) and a closed terminal (SIGHUP) end a line-mode command promptly,
// with the shell's exit code 128 + the signal's number; a plain session saves its attempt first.
// Before, a long `check` caught these signals and never acted on them (issue 10, items 3 and 5).
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const SHIPPED = new URL('../../lessons/', import.meta.url).pathname;

type Ended = {code: number | null; signal: NodeJS.Signals | null; out: string; err: string};

/** Start the CLI; `when` says (from its output) when to send `signal`. A guard kills it if it never ends. */
function runUntil(args: string[], signal: NodeJS.Signals, when: (out: string) => boolean, dir = tempDir(), input?: string): Promise<Ended> {
	return new Promise((resolve, reject) => {
		const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env['PATH'] ?? '', HOME: dir, TCP_TUTOR_CONFIG_DIR: dir}});
		let out = '';
		let err = '';
		let sent = false;
		const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
		const maybeSend = () => {
			if (!sent && when(out + err)) {
				sent = true;
				child.kill(signal);
			}
		};
		child.stdout!.on('data', d => {
			out += d;
			maybeSend();
		});
		child.stderr!.on('data', d => {
			err += d;
			maybeSend();
		});
		child.on('error', reject);
		child.on('exit', (code, sig) => {
			clearTimeout(guard);
			resolve({code, signal: sig, out, err});
		});
		if (input !== undefined) child.stdin!.write(input);
		maybeSend();
	});
}

/** A folder with one lesson; `check` with many seeds of it runs for minutes. */
function oneLesson(): string {
	const dir = join(tempDir(), 'lessons');
	mkdirSync(dir);
	writeFileSync(join(dir, 'a.yaml'), readFileSync(join(SHIPPED, '08-time-wait.yaml'), 'utf8'));
	return dir;
}

describe('signals end a command promptly', () => {
	it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s ends a long check with exit code %i', async (signal, code) => {
		// A long check says on stderr that it started, so the signal meets it computing.
		const r = await runUntil(['check', oneLesson(), '--seeds', '100000'], signal, text => text.includes('Checking 1 lesson'));
		expect(r.err).toMatch(/Checking 1 lesson with 100000 seeds \(Ctrl\+C stops\)/);
		expect({code: r.code, signal: r.signal}).toEqual({code, signal: null});
	});

	it.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const)('%s in a plain session saves the attempt first (exit %i)', async (signal, code) => {
		// At the first question nothing was saved but the attempt's start: a resume point can only come from the signal.
		const dir = tempDir();
		const r = await runUntil(['start', 'handshake-letters', '--seed', '7', '--plain'], signal, text => text.includes('Flags:'), dir);
		expect({code: r.code, signal: r.signal}).toEqual({code, signal: null});
		const stored = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
		expect(stored.lessons['handshake-letters']).toMatchObject({attempts: 1, answered: 0, resume: {seed: 7}});
	});
});
