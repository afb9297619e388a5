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
import {twoColumns} from './columns.js';
import {fit, width} from '../text-width.js';
import type {Io} from './io.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';

/** Nothing claims a save that did not happen: say why, for exit code 1. */
function notSaved(store: ProgressStore, io: Io): boolean {
	if (store.writeError && store.writeError !== store.notice) io.err(store.writeError); // the notice was told already
	return store.writeError !== undefined;
}

export function statusOf(p: LessonProgress | undefined, {t}: Texts = ENGLISH): string {
	if (!p || (p.attempts === 0 && !p.completed)) return t('list.status.notStarted');
	if (p.resume) return t('list.status.inProgress', {answered: p.answered ?? 0, total: p.total ?? '?'});
	if (p.completed) return t('list.status.done', {score: p.bestScore ?? 0});
	return t('list.status.started');
}

export function listCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore): number {
	if (args.json) {
		for (const e of entries) io.out(JSON.stringify({...e, progress: store.lesson(e.id) ?? null}));
		return 0;
	}
	const width = Math.max(...entries.map(e => e.id.length), 2);
	const {t} = io.texts;
	const indent = ' '.repeat(4 + width + 2);
	entries.forEach((e, i) => {
		io.out(t('list.line', {n: String(i + 1).padStart(2), id: e.id.padEnd(width), title: e.title, minutes: e.minutes, status: statusOf(store.lesson(e.id), io.texts)}));
		// The classic interview question it answers, under the title, cut to the terminal by display width.
		if (e.classic) io.out(`${indent}${fit(t('list.classic', {question: e.classic}), Math.max(20, io.columns - indent.length))}`);
	});
	const done = entries.filter(e => store.lesson(e.id)?.completed).length;
	io.out(t('list.done', {done, total: entries.length}));
	if (entries.some(e => e.untranslated) && t('menu.untranslated')) io.out(t('menu.untranslated')); // English titles, said once
	return 0;
}

/** Titles longer than this are cut in the progress table (the shipped ones all fit). */
const TITLE_COLUMNS = 56;

/** The progress view's overview (mastery by topic, due cards, missed most, streak), loaded with the scheduler when asked for. */
export type OverviewSource = () => Promise<{readonly overview: unknown; readonly lines: readonly string[]}>;

export async function progressCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore, overview?: OverviewSource): Promise<number> {
	const {t} = io.texts;
	if (args.exportFile && args.importFile) throw new UsageError(t('cli.exportOrImport'));
	const data = store.read();
	if (args.exportFile) {
		try {
			writeFileSync(args.exportFile, `${JSON.stringify(data, null, 2)}\n`);
		} catch (error) {
			io.err(t('progress.couldNotWrite', {file: args.exportFile, problem: fileProblem(error, 'write')}));
			return 1;
		}
		io.out(t('progress.written', {file: args.exportFile}));
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
		const imported = {n: Object.keys(theirs.data.lessons).length, file: args.importFile, dropped: theirs.dropped.join(', ')};
		io.out(t(theirs.dropped.length ? 'progress.importedLeftOut' : 'progress.imported', imported));
		return 0;
	}
	if (args.json) {
		io.out(JSON.stringify(overview ? {...data, overview: (await overview()).overview} : data));
		return 0;
	}
	const known = new Set(entries.map(e => e.id));
	const rows = entries.map(e => [e.title, statusOf(data.lessons[e.id], io.texts)] as const);
	const statusWidth = Math.max(0, ...rows.map(([, status]) => width(status)));
	for (const line of twoColumns(rows, Math.max(16, Math.min(TITLE_COLUMNS, io.columns - 2 - statusWidth)))) io.out(line);
	const others = Object.keys(data.lessons).filter(id => !known.has(id));
	if (others.length) io.out(t('progress.alsoKept', {ids: others.join(', ')}));
	const fields = Object.entries(data.fields);
	const item = ([field, s]: (typeof fields)[number]) => t('progress.accuracyItem', {field, percent: Math.round((100 * s!.firstTry) / Math.max(1, s!.asked)), asked: s!.asked});
	if (fields.length) io.out(t('progress.accuracy', {items: fields.map(item).join(t('text.comma'))}));
	if (overview) {
		io.out('');
		for (const line of (await overview()).lines) io.out(line);
		io.out('');
	}
	io.out(t('progress.storedIn', {path: store.path}));
	return 0;
}

export async function resetCommand(args: Args, io: Io, entries: readonly LessonEntry[], store: ProgressStore): Promise<number> {
	const {t} = io.texts;
	const id = args.positionals[0];
	if (args.positionals.length > 1) throw new UsageError(t('cli.resetAtMostOne'));
	if (id !== undefined && !entries.some(e => e.id === id) && !store.lesson(id)) throw new UsageError(t('cli.noLessonReset', {ref: id}));
	if (!args.yes) {
		io.out(id ? t('reset.askOne', {id}) : t('reset.askAll'));
		const answer = (await io.input.next())?.normalize('NFKC').trim().toLowerCase();
		if (answer !== 'y' && answer !== 'yes' && answer !== '是') {
			io.out(t('reset.nothing'));
			return 0;
		}
	}
	store.reset(id);
	if (notSaved(store, io)) return 1;
	io.out(id ? t('reset.one', {id}) : t('reset.all'));
	return 0;
}
