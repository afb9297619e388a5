// tcp-tutor list / progress / reset: progress without the interactive UI.
import {writeFileSync} from 'node:fs';
import type {LessonEntry} from '../lessons/catalog.js';
import {readStoreText} from '../progress/disk.js';
import {normalize} from '../progress/normalize.js';
import type {LessonProgress, ProgressStore} from '../progress/types.js';
import {fileError, fileProblem} from '../file-problem.js';
import {InputError} from '../yaml-source.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import {cut, displayWidth, twoColumns} from './columns.js';
import type {Io} from './io.js';

/** Nothing claims a save that did not happen: say why, for exit code 1. */
function notSaved(store: ProgressStore, io: Io): boolean {
	if (store.writeError && store.writeError !== store.notice) io.err(store.writeError); // the notice was told already
	return store.writeError !== undefined;
}

export function statusOf(p: LessonProgress | undefined): string {
	if (!p || (p.attempts === 0 && !p.completed)) return 'not started';
	if (p.resume) return `in progress ${p.answered ?? 0}/${p.total ?? '?'}`;
	if (p.completed) return `done, best ${p.bestScore ?? 0}%`;
	return 'started';
}

export async function listCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore): Promise<number> {
	if (args.json) {
		for (const e of entries) io.out(JSON.stringify({...e, progress: store.lesson(e.id) ?? null}));
		return 0;
	}
	const width = Math.max(...entries.map(e => e.id.length), 2);
	const measure = entries.some(e => e.classic) ? await displayWidth() : undefined;
	const indent = ' '.repeat(4 + width + 2);
	entries.forEach((e, i) => {
		io.out(`${String(i + 1).padStart(2)}. ${e.id.padEnd(width)}  ${e.title} (${e.minutes} min) — ${statusOf(store.lesson(e.id))}`);
		// The classic interview question it answers, under the title, cut to the terminal (by display width: a lesson may be in Chinese).
		if (e.classic && measure) io.out(`${indent}${cut(`Q: ${e.classic}`, Math.max(20, io.columns - indent.length), measure)}`);
	});
	const done = entries.filter(e => store.lesson(e.id)?.completed).length;
	io.out(`${done} of ${entries.length} lessons done.`);
	return 0;
}

/** Titles longer than this are cut in the progress table (the shipped ones all fit). */
const TITLE_COLUMNS = 56;

/** The progress view's overview (mastery by topic, due cards, missed most, streak), loaded with the scheduler when asked for. */
export type OverviewSource = () => Promise<{readonly overview: unknown; readonly lines: readonly string[]}>;

export async function progressCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore, overview?: OverviewSource): Promise<number> {
	if (args.exportFile && args.importFile) throw new UsageError('use --export or --import, not both');
	const data = store.read();
	if (args.exportFile) {
		try {
			writeFileSync(args.exportFile, `${JSON.stringify(data, null, 2)}\n`);
		} catch (error) {
			io.err(`Could not write ${args.exportFile}: ${fileProblem(error, 'write')}.`);
			return 1;
		}
		io.out(`Progress written to ${args.exportFile}.`);
		return 0;
	}
	if (args.importFile) {
		let text: string | undefined;
		try {
			text = readStoreText(args.importFile); // a pipe in its place would block a plain read forever
		} catch (error) {
			throw new InputError(args.importFile, undefined, 'progress file', fileProblem(error, 'read'));
		}
		if (text === undefined) throw new InputError(args.importFile, undefined, 'progress file', fileProblem(fileError('ENOENT', args.importFile), 'read'));
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch (error) {
			throw new InputError(args.importFile, undefined, 'progress file', `is not valid JSON (${(error as Error).message})`);
		}
		const theirs = normalize(raw);
		store.mergeFrom(theirs.data);
		if (notSaved(store, io)) return 1;
		io.out(`Imported ${Object.keys(theirs.data.lessons).length} lesson(s) from ${args.importFile}${theirs.dropped.length ? `; left out: ${theirs.dropped.join(', ')}` : ''}.`);
		return 0;
	}
	if (args.json) {
		io.out(JSON.stringify(overview ? {...data, overview: (await overview()).overview} : data));
		return 0;
	}
	const known = new Set(entries.map(e => e.id));
	const measure = await displayWidth();
	const rows = entries.map(e => [e.title, statusOf(data.lessons[e.id])] as const);
	const statusWidth = Math.max(0, ...rows.map(([, status]) => measure(status)));
	for (const line of twoColumns(rows, Math.max(16, Math.min(TITLE_COLUMNS, io.columns - 2 - statusWidth)), measure)) io.out(line);
	const others = Object.keys(data.lessons).filter(id => !known.has(id));
	if (others.length) io.out(`Also kept, from lessons not loaded now: ${others.join(', ')}`);
	const fields = Object.entries(data.fields);
	if (fields.length) io.out(`Accuracy at the first try: ${fields.map(([f, s]) => `${f} ${Math.round((100 * s!.firstTry) / Math.max(1, s!.asked))}% of ${s!.asked}`).join(', ')}`);
	if (overview) {
		io.out('');
		for (const line of (await overview()).lines) io.out(line);
		io.out('');
	}
	io.out(`Stored in ${store.path}`);
	return 0;
}

export async function resetCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore): Promise<number> {
	const id = args.positionals[0];
	if (args.positionals.length > 1) throw new UsageError('reset takes at most one lesson id');
	if (id !== undefined && !entries.some(e => e.id === id) && !store.lesson(id)) throw new UsageError(`no lesson "${id}". See tcp-tutor list.`);
	if (!args.yes) {
		io.out(id ? `Forget your progress in "${id}"? [y/N]` : 'Forget ALL your progress? [y/N]');
		const answer = (await io.input.next())?.trim().toLowerCase();
		if (answer !== 'y' && answer !== 'yes') {
			io.out('Nothing changed.');
			return 0;
		}
	}
	store.reset(id);
	if (notSaved(store, io)) return 1;
	io.out(id ? `Progress in "${id}" forgotten.` : 'All progress forgotten.');
	return 0;
}
