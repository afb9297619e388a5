// The progress store on conf: atomic writes, a schema, additive migrations. A corrupt file is
// moved aside (the learner is told where), a hand-edited one keeps every entry that can be read.
import {existsSync, readFileSync, renameSync, writeFileSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type Conf from 'conf';
import {confClass, loadLibraries} from '../deferred.js';
import type {Saved} from '../lessons/engine.js';
import type {Field} from '../lessons/schema.js';
import {normalize} from './normalize.js';
import {type LessonProgress, type ProgressData, type ProgressStore, SCHEMA_VERSION} from './types.js';

const CONFIG_NAME = 'progress';

const schema = {
	schemaVersion: {type: 'number', default: SCHEMA_VERSION},
	lessons: {type: 'object', default: {}},
	fields: {type: 'object', default: {}},
	lastLesson: {type: 'string'},
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

/** TCP_TUTOR_CONFIG_DIR, else where conf (env-paths) would put it: the platform's config folder. */
export function defaultDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
	if (env['TCP_TUTOR_CONFIG_DIR']) return env['TCP_TUTOR_CONFIG_DIR'];
	if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'tcp-tutor');
	if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'tcp-tutor', 'Config');
	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'tcp-tutor');
}

export function openStore(o: StoreOptions): ProgressStore {
	const now = o.now ?? (() => new Date());
	const stamp = () => now().toISOString().replace(/[:.]/g, '-');
	const path = join(o.dir, `${CONFIG_NAME}.json`);
	const {notice, data} = salvage(path, stamp);
	// conf (and its schema compiler) is opened at the first write, not before the menu's first frame.
	let conf: Conf<Record<string, unknown>> | undefined;
	const make = () => new (confClass()!)<Record<string, unknown>>({
		projectName: 'tcp-tutor', configName: CONFIG_NAME, cwd: o.dir,
		projectVersion: o.projectVersion, schema: schema as never, migrations: migrations as never,
	});
	const open = () => {
		if (conf) return conf;
		if (!confClass()) return undefined; // still loading: the write waits for it
		try {
			conf = make();
		} catch {
			// Whatever conf still refuses is moved aside too (nothing is lost: we hold what was readable).
			renameSync(path, `${path}.corrupt-${stamp()}`);
			conf = make();
			conf.store = data as Record<string, unknown>;
		}
		return conf;
	};
	return storeOn({path, read: () => (conf ? normalize(conf.store).data : data), open}, notice);
}

/** Before conf reads the file: move an unparseable one aside, rewrite a salvageable one (keeping a backup). */
function salvage(path: string, stamp: () => string): {notice?: string; data: ProgressData} {
	const empty = normalize({}).data;
	if (!existsSync(path)) return {data: empty};
	const text = readFileSync(path, 'utf8');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		const aside = `${path}.corrupt-${stamp()}`;
		renameSync(path, aside);
		return text.trim() === ''
			? {data: empty} // an empty file holds nothing to lose: start fresh quietly (the empty file is kept aside)
			: {data: empty, notice: `Your progress file was not valid JSON. It was moved to ${aside} and a fresh one started.`};
	}
	const {data, dropped} = normalize(raw);
	if (dropped.length === 0 && JSON.stringify(data) === JSON.stringify(raw)) return {data};
	const backup = `${path}.bak-${stamp()}`;
	writeFileSync(backup, text);
	mkdirSync(join(path, '..'), {recursive: true});
	writeFileSync(path, JSON.stringify(data, null, '\t'));
	return dropped.length === 0 ? {data}
		: {data, notice: `Some of your progress could not be read and was left out: ${dropped.join(', ')}. The original file is at ${backup}.`};
}

type Backing = {readonly path: string; read(): ProgressData; open(): Conf<Record<string, unknown>> | undefined};

function storeOn(backing: Backing, notice: string | undefined): ProgressStore {
	let pending: ProgressData | undefined; // written once conf has loaded (a few ms after start-up)
	const read = () => pending ?? backing.read();
	let writeError: string | undefined;
	const write = (data: ProgressData) => {
		try {
			const conf = backing.open();
			if (!conf) {
				pending = data;
				void loadLibraries().then(() => {
					const later = pending;
					pending = undefined;
					if (later) write(later);
				});
				return;
			}
			conf.store = data as Record<string, unknown>;
			writeError = undefined;
		} catch (error) {
			// A full disk or a read-only folder must not end the lesson: say it, keep going.
			writeError = `Your progress could not be saved to ${backing.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`;
		}
	};
	const update = (id: string, f: (p: LessonProgress) => LessonProgress) => {
		const data = read();
		const before = data.lessons[id] ?? {completed: false, bestScore: null, attempts: 0};
		write({...data, lessons: {...data.lessons, [id]: {...f(before), updatedAt: new Date().toISOString()}}, lastLesson: id});
	};
	const without = (data: ProgressData, key: 'lastLesson'): ProgressData => {
		const {[key]: _gone, ...rest} = data;
		return rest;
	};
	return {
		path: backing.path,
		get writeError() {
			return writeError;
		},
		...(notice ? {notice} : {}),
		read,
		lesson: id => {
			const {lessons} = read();
			return Object.hasOwn(lessons, id) ? lessons[id] : undefined; // "constructor" is no lesson of ours
		},
		startAttempt: id => update(id, p => ({...p, attempts: p.attempts + 1})),
		saveAttempt: (id: string, resume: Saved, answered: number, total: number) => update(id, p => ({...p, resume, answered, total})),
		finishAttempt(id: string, score: number, results: readonly {readonly field: Field; readonly firstTry: boolean}[]) {
			update(id, p => {
				const {resume: _resume, answered: _answered, ...rest} = p;
				return {...rest, completed: true, bestScore: p.bestScore === null ? score : Math.max(p.bestScore, score)};
			});
			const data = read();
			const fields = {...data.fields};
			for (const r of results) {
				const s = fields[r.field] ?? {asked: 0, firstTry: 0};
				fields[r.field] = {asked: s.asked + 1, firstTry: s.firstTry + (r.firstTry ? 1 : 0)};
			}
			write({...data, fields});
		},
		replaceLesson(id: string, progress: LessonProgress) {
			const data = read();
			write({...data, lessons: {...data.lessons, [id]: progress}});
		},
		reset(id?: string) {
			const data = read();
			if (id === undefined) return write({...without(data, 'lastLesson'), lessons: {}, fields: {}});
			const {[id]: _gone, ...lessons} = data.lessons;
			write({...(data.lastLesson === id ? without(data, 'lastLesson') : data), lessons});
		},
	};
}
