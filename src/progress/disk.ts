// The progress file on disk: read without ever blocking (a FIFO in its place would hang a plain
// read), and changed under a lock, so that two sessions merge their changes instead of the last
// writer overwriting the other's record.
import {closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, unlinkSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {lockLib} from '../deferred.js';
import {NOT_A_FILE, TOO_LARGE, fileError} from '../file-problem.js';

/** No progress file is anywhere near this (17 lessons take a few KiB). */
export const MAX_STORE_BYTES = 4 * 1024 * 1024;

/** The file's text, or undefined when there is none; a folder, a pipe or a device is an error. */
export function readStoreText(path: string): string | undefined {
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK); // O_NONBLOCK: opening a FIFO does not wait for a writer
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw fileError('EISDIR', path);
		if (!stat.isFile()) throw fileError(NOT_A_FILE, path);
		if (stat.size > MAX_STORE_BYTES) throw fileError(TOO_LARGE, path);
		return readFileSync(fd, 'utf8');
	} finally {
		closeSync(fd);
	}
}

// A lock is held for one read-change-write, a few milliseconds; one older than this was left by a
// process that died holding it (proper-lockfile's smallest stale time).
const STALE_MS = 2000;
const WAIT_MS = 5000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Run `f` while holding `path`'s lock (a folder `path`.lock), waiting for another session to finish its write. */
export function withLock<T>(path: string, f: () => T): T {
	const lock = lockLib();
	if (!lock) throw new Error('the lock library was used before loadLibraries()');
	mkdirSync(dirname(path), {recursive: true});
	const deadline = Date.now() + WAIT_MS;
	let release: () => void;
	for (;;) {
		try {
			release = lock.lockSync(path, {realpath: false, stale: STALE_MS, onCompromised: () => {}});
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > deadline) throw error;
			Atomics.wait(sleeper, 0, 0, 5 + Math.random() * 10); // a synchronous sleep: the store's API is synchronous
		}
	}
	try {
		return f();
	} finally {
		try {
			release();
		} catch { /* already removed as stale by another session: nothing left to release */ }
	}
}

/** Remove the temporary files of writes that a killed process left (call while holding the lock: no write is under way). */
export function purgeTemporaries(path: string): void {
	const name = basename(path);
	let names: string[];
	try {
		names = readdirSync(dirname(path));
	} catch {
		return;
	}
	for (const n of names) {
		// atomically (conf's writer) names them FILE.tmp-<10 digits><6 hex digits>.
		if (n.startsWith(`${name}.tmp-`) && /^\.tmp-\d{10}[0-9a-f]{6}$/.test(n.slice(name.length))) {
			try {
				unlinkSync(join(dirname(path), n));
			} catch { /* gone already */ }
		}
	}
}
