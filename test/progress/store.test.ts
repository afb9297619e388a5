import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {beforeEach, describe, expect, it} from 'vitest';
import {defaultDir, openStore} from '../../src/progress/store.js';

let dir: string;
const open = () => openStore({dir, projectVersion: '0.1.0', now: () => new Date('2026-01-02T03:04:05Z')});
const file = () => join(dir, 'progress.json');
const saved = {seed: 7, pos: 3, relative: false, results: {synack: {attempts: 1, hints: 0, revealed: false, firstTry: true, missed: []}}, elapsedMs: 1200};

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tcp-tutor-store-'));
});

describe('progress store', () => {
	it('starts empty and keeps attempts, resume points and best scores by lesson id', () => {
		const store = open();
		expect(store.read().lessons).toEqual({});
		store.startAttempt('handshake-letters');
		store.saveAttempt('handshake-letters', saved, 1, 3);
		expect(open().lesson('handshake-letters')).toMatchObject({attempts: 1, resume: saved, answered: 1, total: 3, completed: false});
		store.finishAttempt('handshake-letters', 80, [{field: 'flags', firstTry: true}, {field: 'ack', firstTry: false}]);
		store.startAttempt('handshake-letters');
		store.finishAttempt('handshake-letters', 50, [{field: 'flags', firstTry: false}]);
		const again = open();
		expect(again.lesson('handshake-letters')).toMatchObject({attempts: 2, completed: true, bestScore: 80});
		expect(again.lesson('handshake-letters')?.resume).toBeUndefined();
		expect(again.read().fields).toEqual({flags: {asked: 2, firstTry: 1}, ack: {asked: 1, firstTry: 0}});
		expect(again.read().lastLesson).toBe('handshake-letters');
	});

	it('resets one lesson or everything', () => {
		const store = open();
		store.startAttempt('a');
		store.startAttempt('b');
		store.reset('a');
		expect(Object.keys(store.read().lessons)).toEqual(['b']);
		store.reset();
		expect(store.read().lessons).toEqual({});
		expect(store.read().lastLesson).toBeUndefined();
	});

	it('moves a file of random bytes aside, says where, and starts fresh', () => {
		const junk = randomBytes(512);
		junk[0] = 0x7b; // "{" so it looks like JSON at first sight
		writeFileSync(file(), junk);
		const store = open();
		expect(store.notice).toMatch(/moved to .*progress\.json\.corrupt-2026-01-02T03-04-05-000Z/);
		expect(store.read().lessons).toEqual({});
		const aside = readdirSync(dir).find(f => f.includes('corrupt'))!;
		expect(readFileSync(join(dir, aside))).toEqual(junk);
		store.startAttempt('x');
		expect(open().lesson('x')?.attempts).toBe(1);
	});

	it('treats an empty file as no progress yet, without alarming the learner', () => {
		writeFileSync(file(), '');
		const store = open();
		expect(store.notice).toBeUndefined();
		expect(store.read().lessons).toEqual({});
	});

	it('loads a store from an older version (no schemaVersion, fields missing) without losing anything', () => {
		writeFileSync(file(), JSON.stringify({lessons: {'time-wait': {completed: true, bestScore: 90, attempts: 3}}}));
		const store = open();
		expect(store.notice).toBeUndefined();
		expect(store.lesson('time-wait')).toMatchObject({completed: true, bestScore: 90, attempts: 3});
		expect(store.read().schemaVersion).toBe(1);
	});

	it('keeps what a newer tutor wrote (unknown keys and unknown lesson ids)', () => {
		writeFileSync(file(), JSON.stringify({schemaVersion: 2, theme: 'dark', lessons: {'future-lesson': {completed: false, bestScore: null, attempts: 1, streak: 4}}}));
		const store = open();
		store.startAttempt('handshake-letters');
		const raw = JSON.parse(readFileSync(file(), 'utf8'));
		expect(raw.theme).toBe('dark');
		expect(raw.schemaVersion).toBe(2);
		expect(raw.lessons['future-lesson']).toMatchObject({attempts: 1, streak: 4});
	});

	it('salvages a hand-edited file: drops only the unreadable entries, keeps a backup, tells the learner', () => {
		const original = JSON.stringify({schemaVersion: 1, lessons: {good: {completed: true, bestScore: 70, attempts: 1}, bad: 'oops',
			odd: {completed: true, bestScore: 900, attempts: 2, resume: {seed: 'x'}}}, fields: {}});
		writeFileSync(file(), original);
		const store = open();
		expect(store.notice).toMatch(/lesson "bad".*best score of "odd".*resume point of "odd"/);
		expect(store.lesson('good')).toMatchObject({bestScore: 70});
		expect(store.lesson('odd')).toMatchObject({completed: true, attempts: 2, bestScore: null});
		const backup = readdirSync(dir).find(f => f.includes('.bak-'))!;
		expect(readFileSync(join(dir, backup), 'utf8')).toBe(original);
	});
});

describe('entries that would change an object instead of being one', () => {
	it('drops a "__proto__" entry, says so, and answers nothing for ids every object has', () => {
		writeFileSync(file(), '{"lessons": {"__proto__": {"good": {"completed": true, "bestScore": 100, "attempts": 9}}, "good": {"completed": false, "bestScore": null, "attempts": 1}},'
			+ ' "fields": {"__proto__": {"asked": 1, "firstTry": 1}}}');
		const store = open();
		expect(store.notice).toMatch(/lesson "__proto__" \(a reserved name\), accuracy of "__proto__" \(a reserved name\)/);
		expect(store.lesson('good')).toMatchObject({attempts: 1, completed: false});
		expect(store.lesson('constructor')).toBeUndefined();
		expect(store.lesson('toString')).toBeUndefined();
		store.startAttempt('good');
		expect(Object.getPrototypeOf(open().read().lessons)).toBe(Object.prototype);
		expect(open().lesson('good')?.attempts).toBe(2);
	});
});

describe('defaultDir', () => {
	it.each([
		[{TCP_TUTOR_CONFIG_DIR: '/x/y'}, 'linux', '/x/y'],
		[{XDG_CONFIG_HOME: '/cfg'}, 'linux', '/cfg/tcp-tutor'],
		[{}, 'linux', '/home/u/.config/tcp-tutor'],
		[{}, 'darwin', '/home/u/Library/Preferences/tcp-tutor'],
	] as const)('%j on %s → %s', (env, platform, expected) => {
		expect(defaultDir(env as NodeJS.ProcessEnv, platform, '/home/u')).toBe(expected);
	});
});

describe('a store that cannot be written', () => {
	it('keeps the tutor running and says why (here: its folder cannot be created, even by root)', () => {
		const blocker = join(dir, 'blocker');
		writeFileSync(blocker, 'a file where the folder should be');
		const store = openStore({dir: join(blocker, 'cfg'), projectVersion: '0.1.0'});
		expect(store.notice).toMatch(/will not be saved this time: .*blocker\/cfg\/progress\.json: part of its path is a file, not a folder/);
		expect(() => store.startAttempt('x')).not.toThrow();
		expect(store.writeError).toBe(store.notice);
		expect(store.lesson('x')?.attempts).toBe(1); // the session goes on with what it did
	});
});
