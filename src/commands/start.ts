// tcp-tutor [start LESSON]: the interactive UI on a terminal, plain mode otherwise.
import type {Catalog, LessonEntry} from '../lessons/catalog.js';
import {playPlain} from '../plain/play.js';
import type {ProgressStore} from '../progress/types.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import type {Io} from './io.js';
import {statusOf} from './progress.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';

export function findEntry(catalog: Pick<Catalog, 'entries'>, ref: string, texts: Texts = ENGLISH): LessonEntry {
	const byNumber = /^\d+$/.test(ref) ? catalog.entries[Number(ref) - 1] : undefined;
	const entry = byNumber ?? catalog.entries.find(e => e.id === ref);
	if (!entry) throw new UsageError(texts.t('cli.noLesson', {ref}));
	return entry;
}

/** Plain mode: pick a lesson by number (or take the one given) and play it line by line. */
export async function startPlain(args: Args, io: Io, catalog: Catalog, store: ProgressStore, randomSeed: () => number, now?: () => number): Promise<number> {
	if (store.notice) io.err(store.notice);
	const {t} = io.texts;
	let ref: string | undefined = args.positionals[0];
	if (ref === undefined) {
		catalog.entries.forEach((e, i) => io.out(`${String(i + 1).padStart(2)}. ${e.title} — ${statusOf(store.lesson(e.id), io.texts)}`));
		io.out(t('plain.pick'));
		ref = (await io.input.next())?.normalize('NFKC').trim();
		if (!ref) {
			io.out(t('plain.noLesson'));
			return 0;
		}
	}
	const lesson = catalog.load(findEntry(catalog, ref, io.texts).id, io.texts.lang);
	try {
		await playPlain({lesson, store, seed: args.seed ?? randomSeed(), fresh: args.restart || args.seed !== undefined, input: io.input, write: io.out, texts: io.texts, ...(now ? {now} : {})});
	} catch (error) {
		// A lesson that loads can still fail to play (a scenario the simulator cannot settle): one sentence, as the ink player says it.
		if (io.env['DEBUG']) io.err(String((error as Error).stack ?? error));
		io.err(t('plain.couldNotPlay', {id: lesson.id, message: (error as Error).message ?? String(error)}));
		return 1;
	}
	return 0;
}
