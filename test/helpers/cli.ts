// The built CLI (dist/cli.js), run as a user runs it, always with a temporary config folder.
import {spawnSync} from 'node:child_process';
import {tempDir} from './temp-store.js';

export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

export type CliRun = {readonly code: number | null; readonly out: string; readonly err: string; readonly dir: string; readonly signal: NodeJS.Signals | null};

export function cli(args: readonly string[], opts: {input?: string; env?: Record<string, string>; dir?: string; cwd?: string} = {}): CliRun {
	const dir = opts.dir ?? tempDir();
	const r = spawnSync('sh', ['-c', `node ${CLI} "$@"`, 'cli', ...args], {
		input: opts.input ?? '', encoding: 'utf8', timeout: 20_000, ...(opts.cwd ? {cwd: opts.cwd} : {}),
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, TCP_TUTOR_CONFIG_DIR: dir, ...opts.env},
	});
	return {code: r.status, out: r.stdout, err: r.stderr, dir, signal: r.signal};
}

/** Bytes that must never reach a terminal from a file or the environment: escapes, controls, bidi and zero-width marks. */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** A stack trace as node prints it. */
export const STACK = /\n\s+at .+:\d+:\d+/;
