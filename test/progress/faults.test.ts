// A progress store that cannot be used as it is: a folder, a pipe, a byte-order mark, an immutable
// file or folder, a lock or temporary files left by a killed process, two stores open at once.
// Each gives one clear sentence (or none, when nothing is wrong for the learner), never an
// exception, and the tutor goes on; nothing claims a save that did not happen (issue 10, item 2).
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openStore} from '../../src/progress/store.js';
import {tempDir} from '../helpers/temp-store.js';

let dir: string;
const open = () => openStore({dir, projectVersion: '0.1.0', now: () => new Date('2026-01-02T03:04:05Z')});
const file = () => join(dir, 'progress.json');
const saved = {seed: 7, pos: 3, relative: false, results: {synack: {attempts: 1, hints: 0, revealed: false, missed: [], firstTry: true}}, elapsedMs: 1200};

beforeEach(() => {
	dir = tempDir('tcp-tutor-faults-');
});

/** chattr +i needs root and a file system that supports it; undone after each test so the folder can be removed. */
const immutable: string[] = [];
const canChattr = spawnSync('sh', ['-c', 'f=$(mktemp) && chattr +i "$f" && chattr -i "$f" && rm "$f"']).status === 0;
function makeImmutable(path: string): void {
	execFileSync('chattr', ['+i', path]);
	immutable.push(path);
}
afterEach(() => {
	for (const p of immutable.splice(0)) execFileSync('chattr', ['-i', p]);
});

describe('a progress file that cannot be used', () => {
	it('a folder in its place: one sentence, the tutor goes on without saving', () => {
		mkdirSync(file());
		const store = open();
		expect(store.notice).toBe(`Your progress will not be saved this time: ${file()}: is a folder, not a file.`);
		expect(() => store.startAttempt('a')).not.toThrow();
		expect(store.writeError).toBe(store.notice);
		expect(store.lesson('a')?.attempts).toBe(1);
	});

	it('a pipe (FIFO) in its place: opened at once, not waited on for ever', () => {
		execFileSync('mkfifo', [file()]);
		const store = open();
		expect(store.notice).toMatch(/progress\.json: is not a regular file \(a pipe, a socket or a device\)\.$/);
		store.startAttempt('a');
		expect(store.writeError).toBe(store.notice);
	});

	it.runIf(canChattr)('an immutable file (EPERM): every write says it failed, none throws', () => {
		writeFileSync(file(), JSON.stringify({schemaVersion: 1, lessons: {}, fields: {}}));
		makeImmutable(file());
		const store = open();
		expect(store.notice).toBeUndefined();
		store.startAttempt('a');
		expect(store.writeError).toMatch(/^Your progress could not be saved: .*progress\.json: cannot be written: permission denied \(EPERM\)\.$/);
		expect(JSON.parse(readFileSync(file(), 'utf8')).lessons).toEqual({});
	});

	it.runIf(canChattr)('a corrupt file in a folder where nothing can be moved: not overwritten, not saved, said once', () => {
		writeFileSync(file(), '{"lessons": ');
		makeImmutable(dir);
		const store = open();
		expect(store.notice).toMatch(/will not be saved this time: .*progress\.json is not valid JSON and could not be moved aside \(it cannot be written: permission denied \(EPERM\)\)\.$/);
		store.startAttempt('a');
		expect(readFileSync(file(), 'utf8')).toBe('{"lessons": ');
	});
});

describe('files that are fine for the learner', () => {
	it('a UTF-8 byte-order mark (some editors add one) is read as the JSON it starts', () => {
		writeFileSync(file(), `\uFEFF${JSON.stringify({schemaVersion: 1, lessons: {a: {completed: true, bestScore: 90, attempts: 1}}, fields: {}})}`);
		const store = open();
		expect(store.notice).toBeUndefined();
		expect(store.lesson('a')?.bestScore).toBe(90);
		expect(readdirSync(dir).filter(f => f !== 'progress.json')).toEqual([]);
	});

	it('a store the tutor wrote, reopened, is not rewritten nor backed up (key order is no difference)', () => {
		const store = open();
		store.startAttempt('a');
		store.saveAttempt('a', saved, 1, 3);
		store.finishAttempt('b', 50, [{field: 'flags', firstTry: true}]);
		const before = readFileSync(file(), 'utf8');
		expect(open().notice).toBeUndefined();
		expect(readFileSync(file(), 'utf8')).toBe(before);
		expect(readdirSync(dir).filter(f => f.includes('.bak'))).toEqual([]);
	});

	it('the temporary files and the lock that a killed process left are cleaned up, and the write goes through', () => {
		writeFileSync(join(dir, 'progress.json.tmp-1767322800a1b2c3'), '{"half": ');
		writeFileSync(join(dir, 'notes.tmp-1767322800a1b2c3'), 'not ours');
		mkdirSync(join(dir, 'progress.json.lock'));
		const old = new Date(Date.now() - 60_000);
		utimesSync(join(dir, 'progress.json.lock'), old, old);
		const store = open();
		store.startAttempt('a');
		expect(store.writeError).toBeUndefined();
		expect(readdirSync(dir).sort()).toEqual(['notes.tmp-1767322800a1b2c3', 'progress.json']);
	});
});

describe('two stores open on one file (two sessions)', () => {
	it('each change is applied to the file as it is: both sessions keep their records', () => {
		const a = open();
		const b = open();
		a.startAttempt('handshake-letters');
		b.startAttempt('four-way-close');
		a.finishAttempt('handshake-letters', 100, [{field: 'flags', firstTry: true}]);
		b.finishAttempt('four-way-close', 50, [{field: 'flags', firstTry: false}]);
		const stored = open().read();
		expect(stored.lessons['handshake-letters']).toMatchObject({completed: true, bestScore: 100, attempts: 1});
		expect(stored.lessons['four-way-close']).toMatchObject({completed: true, bestScore: 50, attempts: 1});
		expect(stored.fields).toEqual({flags: {asked: 2, firstTry: 1}});
	});

	it('an attempt started in both counts twice', () => {
		const a = open();
		const b = open();
		a.startAttempt('x');
		b.startAttempt('x');
		expect(open().lesson('x')?.attempts).toBe(2);
	});
});
