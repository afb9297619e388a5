// The terminal goes away under the interactive tutor (its window closed: tmux kill-server closes the
// pseudo-terminal's master). Before, the process died of SIGSEGV or SIGABRT in 10 of 10 runs,
// before the attempt was saved (issue 10, item 5). Now it saves, then ends by SIGHUP.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-store.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const RECORD = new URL('./record-exit.cjs', import.meta.url).pathname;

function tmux(socket: string, ...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

async function until(check: () => boolean, what: () => string, timeoutMs = 10_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

/** Open a lesson in a tmux terminal, answer nothing yet, then close the terminal; how did the tutor end, what was saved? */
async function closeTerminalDuringLesson(mode: '--forward' | '--keep', run: number) {
	const dir = tempDir();
	const socket = `tcp-tutor-gone-${process.pid}-${mode.slice(2)}-${run}`;
	const status = join(dir, 'status.json');
	const command = `env -u CI -u CONTINUOUS_INTEGRATION TCP_TUTOR_CONFIG_DIR=${dir} node ${RECORD} ${status} ${mode} ${CLI} start handshake-letters --seed 7`;
	tmux(socket, 'new-session', '-d', '-s', 'gone', '-x', '100', '-y', '40', command);
	const screen = () => tmux(socket, 'capture-pane', '-p', '-t', 'gone');
	await until(() => screen().includes('Before two programs'), screen);
	tmux(socket, 'send-keys', '-t', 'gone', 'Enter');
	await until(() => screen().includes('The server calls listen()'), screen);
	tmux(socket, 'kill-server');
	await until(() => existsSync(status), () => 'the tutor to end');
	const progress = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
	return {ended: JSON.parse(readFileSync(status, 'utf8')) as {code: number | null; signal: string | null}, lesson: progress.lessons['handshake-letters']};
}

describe('the terminal closes during a lesson', () => {
	it.each([
		['its input ends (no signal reaches the tutor)', '--keep'],
		['SIGHUP arrives, passed on by the shell', '--forward'],
	] as const)('%s: the attempt is saved and the tutor ends by SIGHUP, three times out of three', async (_name, mode) => {
		for (let run = 0; run < 3; run++) {
			const {ended, lesson} = await closeTerminalDuringLesson(mode, run);
			expect(ended).toEqual({code: null, signal: 'SIGHUP'});
			expect(lesson).toMatchObject({attempts: 1, resume: {seed: 7}});
		}
	}, 60_000);
});
