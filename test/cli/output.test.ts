// Output that cannot be written, and a scenario that keeps the simulator busy: each ends with one
// sentence and exit code 1 or 2, never exit 0 over lost output nor a dumped source line (issue 10).
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, STACK, cli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const FIX = new URL('../fixtures/scenarios/', import.meta.url).pathname;
const SHIPPED = new URL('../../lessons/', import.meta.url).pathname;

describe('output to a full disk', () => {
	it.each([
		['list'], ['trace', join(FIX, 'handshake.yaml'), '--json'], ['--help'],
	])('%s > /dev/full: exit 1, said on stderr', (...args) => {
		const dir = tempDir();
		const r = spawnSync('sh', ['-c', `node ${CLI} "$@" > /dev/full`, 'cli', ...args], {encoding: 'utf8', env: {PATH: process.env['PATH'] ?? '', TCP_TUTOR_CONFIG_DIR: dir}});
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe('tcp-tutor: the output cannot be written: the disk is full (ENOSPC).');
	});
});

describe('a scenario within the limits that still keeps the simulator too busy', () => {
	it('a keepalive every second for a day: the file and why, exit 2', () => {
		const file = join(tempDir(), 'busy.yaml');
		writeFileSync(file, 'steps:\n  - server: listen\n  - client: connect\n  - client: keepalive 1s 1s 3\n  - wait: 86400s\n');
		const r = cli(['trace', file]);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/busy\.yaml: scenario: does not run: simulation did not settle/);
		expect(r.err).not.toMatch(/internal error/);
		expect(r.err).not.toMatch(STACK);
	});

	it('the same in a lesson played in plain mode: one sentence, exit 1', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'mine'));
		const lesson = readFileSync(join(SHIPPED, '01-handshake-letters.yaml'), 'utf8').replace('id: handshake-letters', 'id: busy')
			.replace('      id: connect\n', '      id: connect\n    - client: keepalive 1s 1s 3\n    - wait: 86400s\n');
		writeFileSync(join(dir, 'mine', 'busy.yaml'), lesson);
		const r = cli(['start', 'busy', '--lessons', join(dir, 'mine'), '--plain'], {dir});
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/^Could not play busy: simulation did not settle/m);
		expect(r.err).not.toMatch(STACK);
	});

	it('a pipe given as the scenario file is refused, not waited on', () => {
		const dir = tempDir();
		spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
		const r = cli(['trace', join(dir, 'pipe.yaml')], {dir});
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/pipe\.yaml: file: is not a regular file \(a pipe, a socket or a device\)/);
	});
});
