// The progress store on conf: atomic writes, a schema, additive migrations. Every change is a
// function of the stored data, applied under a lock to the file as it is at that moment, so two
// sessions merge instead of the last writer winning. A corrupt file is moved aside (the learner is
// told where), a hand-edited one keeps every entry that can be read, and a file that cannot be used
// (a folder, a pipe, a read-only disk) leaves the tutor running without saving, saying so.
import {renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import type Conf from 'conf';
import {confClass, loadLibraries, lockLib} from '../deferred.js';
import {type Lang, readLang} from '../i18n/lang.js';
import {fileProblem} from '../file-problem.js';
import {merge, normalize} from './normalize.js';
import {addAnswer, forgetReview, withReview} from './review-data.js';
import {purgeTemporaries, readStoreText, withLock} from './disk.js';
import {type LessonProgress, type ProgressData, type ProgressStore, SCHEMA_VERSION} from './types.js';

const CONFIG_NAME = 'progress';

const schema = {
	schemaVersion: {type: 'number', default: SCHEMA_VERSION},
	lessons: {type: 'object', default: {}},
	fields: {type: 'object', default: {}},
	lastLesson: {type: 'string'},
	settings: {type: 'object'}, // no default: a store written before settings existed stays as it was
	review: {type: 'object'}, // no default: a store written before review existed stays as it was until a write
} as const;

// Additive only: each step adds what a newer version needs and removes nothing.
const migrations = {
	'0.1.0': (store: Conf<Record<string, unknown>>) => {
		if (!store.has('schemaVersion')) store.set('schemaVersion', SCHEMA_VERSION);
	},
};

export type StoreOptions = {
	/** Folder of the store (see defaultDir). */
	readonly dir: string;
	readonly projectVersion: string;
	/** For file names of moved-aside stores (tests pass a fixed one). */
	readonly now?: () => Date;
};

/**
 * The language the learner chose before, read without opening the store (no repair, no lock): --help
 * and usage errors need it before anything else runs. Undefined when there is none or the file cannot be read.
 */
export function storedLanguage(dir: string): Lang | undefined {
	try {
		const text = readStoreText(join(dir, `${CONFIG_NAME}.json`));
		const data = text === undefined ? undefined : JSON.parse(text.replace(/^\uFEFF/, '')) as {settings?: {language?: unknown}};
		const lang = data?.settings?.language;
		return typeof lang === 'string' ? readLang(lang) : undefined;
	} catch {
		return undefined; // the store itself says what is wrong with the file, when it is opened
	}
}

/** TCP_TUTOR_CONFIG_DIR, else where conf (env-paths) would put it: the platform's config folder. */
export function defaultDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
	if (env['TCP_TUTOR_CONFIG_DIR']) return env['TCP_TUTOR_CONFIG_DIR'];
	if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'tcp-tutor');
	if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'tcp-tutor', 'Config');
	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'tcp-tutor');
}

/** A change to the stored data: applied to the file as it is when the write happens. */
type Change = (data: ProgressData) => ProgressData;

/** The store cannot be used this session (told once, as the notice). */
class Unusable extends Error {}

const NOT_SAVED = 'Your progress will not be saved this time';

export function openStore(o: StoreOptions): ProgressStore {
	const now = o.now ?? (() => new Date());
	const stamp = () => now().toISOString().replace(/[:.]/g, '-');
	const path = join(o.dir, `${CONFIG_NAME}.json`);
	const opened = salvage(path, stamp);
	let memory = opened.data; // what this session knows: the file as last read, with its own changes
	let writeError = opened.unusable;
	// conf (and its schema compiler) is opened at the first write, not before the menu's first frame.
	let conf: Conf<Record<string, unknown>> | undefined;
	let queue: Change[] = [];
	let purged = false;
	let waiting = false;
	const make = () => new (confClass()!)<Record<string, unknown>>({
		projectName: 'tcp-tutor', configName: CONFIG_NAME, cwd: o.dir,
		projectVersion: o.projectVersion, schema: schema as never, migrations: migrations as never,
	});
	const flush = () => {
		const changes = queue;
		queue = [];
		if (changes.length === 0) return;
		try {
			memory = withLock(path, () => {
				if (!purged) purgeTemporaries(path); // left by a process killed mid-write
				purged = true;
				const current = salvage(path, stamp); // what other sessions wrote since
				if (current.unusable) throw new Unusable(current.unusable);
				conf ??= make();
				const next = changes.reduce((data, c) => c(data), current.data);
				conf.store = next as Record<string, unknown>;
				return next;
			});
			writeError = undefined;
		} catch (error) {
			queue = [...changes, ...queue]; // tried again with the next write: nothing is lost once the disk has room
			writeError = error instanceof Unusable ? error.message : `Your progress could not be saved: ${path}: ${fileProblem(error, 'write')}.`;
		}
	};
	const change = (c: Change) => {
		memory = c(memory);
		if (opened.unusable) return;
		queue.push(c);
		if (confClass() && lockLib()) return flush();
		if (waiting) return;
		waiting = true; // a write in the first moments after start-up waits for conf to load
		void loadLibraries().then(() => {
			waiting = false;
			flush();
		});
	};
	return storeOn(path, () => memory, change, () => writeError, opened.notice ?? opened.unusable);
}

type Opened = {
	readonly data: ProgressData;
	/** Tell the learner once: the file was moved aside or salvaged. */
	readonly notice?: string;
	/** Set when the file cannot be used at all: the sentence that says so. */
	readonly unusable?: string;
};

/** Read the file; move an unparseable one aside, rewrite a salvageable one (keeping a backup). */
function salvage(path: string, stamp: () => string): Opened {
	const empty = normalize({}).data;
	let text: string | undefined;
	try {
		text = readStoreText(path);
	} catch (error) {
		return {data: empty, unusable: `${NOT_SAVED}: ${path}: ${fileProblem(error, 'read')}.`};
	}
	if (text === undefined) return {data: empty};
	const bom = text.startsWith('\uFEFF'); // some editors save one; JSON.parse refuses it
	const body = bom ? text.slice(1) : text;
	let raw: unknown;
	try {
		raw = JSON.parse(body);
	} catch {
		const aside = `${path}.corrupt-${stamp()}`;
		try {
			renameSync(path, aside);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {data: empty}; // another session moved it already
			return {data: empty, unusable: `${NOT_SAVED}: ${path} is not valid JSON and could not be moved aside (it ${fileProblem(error, 'write')}).`};
		}
		return body.trim() === ''
			? {data: empty} // an empty file holds nothing to lose: start fresh quietly (the empty file is kept aside)
			: {data: empty, notice: `Your progress file was not valid JSON. It was moved to ${aside} and a fresh one started.`};
	}
	const {data, dropped} = normalize(raw);
	if (dropped.length === 0 && !bom && isDeepStrictEqual(data, raw)) return {data}; // key order is no difference
	const backup = `${path}.bak-${stamp()}`;
	try {
		if (dropped.length > 0) writeFileSync(backup, text);
		writeFileSync(path, JSON.stringify(data, null, '\t'));
	} catch (error) {
		return {data, unusable: `${NOT_SAVED}: ${path} needs repair and ${fileProblem(error, 'write')}.`};
	}
	return dropped.length === 0 ? {data}
		: {data, notice: `Some of your progress could not be read and was left out: ${dropped.join(', ')}. The original file is at ${backup}.`};
}

function storeOn(path: string, read: () => ProgressData, write: (c: Change) => void, writeError: () => string | undefined, notice: string | undefined): ProgressStore {
	// The review migration is stored with the first write, before a change can drop the resume points it reads.
	const change = (c: Change) => write(data => c(withReview(data)));
	const update = (id: string, f: (p: LessonProgress) => LessonProgress): Change => data => {
		const before = Object.hasOwn(data.lessons, id) ? data.lessons[id]! : {completed: false, bestScore: null, attempts: 0};
		return {...data, lessons: {...data.lessons, [id]: {...f(before), updatedAt: new Date().toISOString()}}, lastLesson: id};
	};
	const without = (data: ProgressData, key: 'lastLesson'): ProgressData => {
		const {[key]: _gone, ...rest} = data;
		return rest;
	};
	return {
		path,
		get writeError() {
			return writeError();
		},
		...(notice ? {notice} : {}),
		read,
		lesson: id => {
			const {lessons} = read();
			return Object.hasOwn(lessons, id) ? lessons[id] : undefined; // "constructor" is no lesson of ours
		},
		startAttempt: id => change(update(id, p => ({...p, attempts: p.attempts + 1}))),
		saveAttempt: (id, resume, answered, total) => change(update(id, p => ({...p, resume, answered, total}))),
		finishAttempt(id, score, results) {
			const finish = update(id, p => {
				const {resume: _resume, answered: _answered, ...rest} = p;
				return {...rest, completed: true, bestScore: p.bestScore === null ? score : Math.max(p.bestScore, score)};
			});
			change(data => {
				const finished = finish(data);
				const fields = {...finished.fields};
				for (const r of results) {
					const s = fields[r.field] ?? {asked: 0, firstTry: 0};
					fields[r.field] = {asked: s.asked + 1, firstTry: s.firstTry + (r.firstTry ? 1 : 0)};
				}
				return {...finished, fields};
			});
		},
		mergeFrom: theirs => change(data => merge(data, theirs)),
		setLanguage: lang => {
			if (read().settings?.language === lang) return; // nothing to write
			change(data => ({...data, settings: {...data.settings, language: lang}}));
		},
		recordAnswer: (lesson, question, grade, at) => change(data => ({...data, review: addAnswer(data.review ?? {cards: {}}, lesson, question, {at: at.toISOString(), grade})})),
		reset(id) {
			change(data => {
				const review = forgetReview(data.review ?? {cards: {}}, id);
				if (id === undefined) return {...without(data, 'lastLesson'), lessons: {}, fields: {}, review};
				const {[id]: _gone, ...lessons} = data.lessons;
				return {...(data.lastLesson === id ? without(data, 'lastLesson') : data), lessons, review};
			});
		},
	};
}
