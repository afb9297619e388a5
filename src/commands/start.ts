// tcp-tutor [start LESSON]: the interactive UI on a terminal, plain mode otherwise.
import type {Catalog, LessonEntry} from '../lessons/catalog.js';
import {playPlain} from '../plain/play.js';
import type {ProgressStore} from '../progress/types.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import type {Io} from './io.js';
import {statusOf} from './progress.js';

export function findEntry(catalog: Catalog, ref: string): LessonEntry {
	const byNumber = /^\d+$/.test(ref) ? catalog.entries[Number(ref) - 1] : undefined;
	const entry = byNumber ?? catalog.entries.find(e => e.id === ref);
	if (!entry) throw new UsageError(`no lesson "${ref}". See tcp-tutor list for the lessons.`);
	return entry;
}

/** Plain mode: pick a lesson by number (or take the one given) and play it line by line. */
export async function startPlain(args: Args, io: Io, catalog: Catalog, store: ProgressStore, randomSeed: () => number, now?: () => number): Promise<number> {
	if (store.notice) io.err(store.notice);
	let ref: string | undefined = args.positionals[0];
	if (ref === undefined) {
		catalog.entries.forEach((e, i) => io.out(`${String(i + 1).padStart(2)}. ${e.title} — ${statusOf(store.lesson(e.id))}`));
		io.out('Lesson number or id:');
		ref = (await io.input.next())?.trim();
		if (!ref) {
			io.out('No lesson chosen. Bye.');
			return 0;
		}
	}
	const lesson = catalog.load(findEntry(catalog, ref).id);
	try {
		await playPlain({lesson, store, seed: args.seed ?? randomSeed(), fresh: args.restart || args.seed !== undefined, input: io.input, write: io.out, ...(now ? {now} : {})});
	} catch (error) {
		// A lesson that loads can still fail to play (a scenario the simulator cannot settle): one sentence, as the ink player says it.
		if (io.env['DEBUG']) io.err(String((error as Error).stack ?? error));
		io.err(`Could not play ${lesson.id}: ${(error as Error).message ?? String(error)}`);
		return 1;
	}
	return 0;
}
