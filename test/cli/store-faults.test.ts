// The built CLI on a store that a real file system refuses: read-only (EROFS) and full (ENOSPC).
// Each runs in a private mount namespace (unshare -m, as root), on a small tmpfs that vanishes with
// it. Nothing may claim a save that did not happen, nor end in "internal error" (issue 10, item 2).
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CLI, STACK} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

const canMount = spawnSync('unshare', ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d"']).status === 0;

/** Run `prepare` (a shell script with the store folder as $1), then the CLI with that store, in a private mount namespace. */
function onTmpfs(prepare: string, args: readonly string[], input = '') {
	const dir = tempDir();
	const script = `set -e; mount -t tmpfs -o size=64k tmpfs "$1"; ${prepare}; shift; exec node ${CLI} "$@"`;
	const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, ...args], {
		input, encoding: 'utf8', timeout: 20_000,
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, TCP_TUTOR_CONFIG_DIR: dir},
	});
	return {code: r.status, out: r.stdout, err: r.stderr};
}

const READ_ONLY = 'mount -o remount,ro "$1"';
const FULL = 'dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null || true';
const done = JSON.stringify({schemaVersion: 1, lessons: {'handshake-letters': {completed: true, bestScore: 100, attempts: 1}}, fields: {}});

describe.runIf(canMount)('a store on a file system that refuses', () => {
	it('read-only, with a corrupt file that cannot be moved aside: said in one sentence, the list still shows', () => {
		const r = onTmpfs(`printf '{"lessons": ' > "$1/progress.json"; ${READ_ONLY}`, ['list']);
		expect(r.code).toBe(0);
		expect(r.err.trim()).toMatch(/^Your progress will not be saved this time: .*progress\.json is not valid JSON and could not be moved aside \(it cannot be written: the file system is read-only \(EROFS\)\)\.$/);
		expect(r.out).toContain('handshake-letters');
		expect(r.err).not.toMatch(/internal error/);
	});

	it('read-only: reset --yes and progress --import fail with exit 1 instead of claiming success', () => {
		const reset = onTmpfs(`printf '%s' '${done}' > "$1/progress.json"; ${READ_ONLY}`, ['reset', '--yes']);
		expect(reset.code).toBe(1);
		expect(reset.out).not.toMatch(/forgotten/);
		expect(reset.err.trim()).toMatch(/^Your progress could not be saved: .*progress\.json: cannot be written: the file system is read-only \(EROFS\)\.$/);
		const dir = tempDir();
		const theirs = `${dir}/in.json`;
		spawnSync('sh', ['-c', `printf '%s' '${done}' > ${theirs}`]);
		const imported = onTmpfs(READ_ONLY, ['progress', '--import', theirs]);
		expect(imported.code).toBe(1);
		expect(imported.out).not.toMatch(/Imported/);
		expect(imported.err).toMatch(/could not be saved: .*read-only \(EROFS\)/);
	});

	it('full: a plain session warns once, goes on, and never says "Progress saved"', () => {
		const r = onTmpfs(FULL, ['start', 'handshake-letters', '--seed', '7'], '2\nq\n');
		expect(r.code).toBe(0);
		expect(r.out).toContain('✓ SYN,ACK');
		expect(r.out.match(/Warning: Your progress could not be saved: .*the disk is full \(ENOSPC\)\./g)).toHaveLength(1);
		expect(r.out).not.toMatch(/Progress saved/);
		expect(r.out).toMatch(/Progress not saved \(see the warning above\)\. Bye\./);
		expect(r.err).not.toMatch(STACK);
	});
});
