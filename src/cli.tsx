// The command line: parse arguments and dispatch. Nothing else lives here.
import {randomInt} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {type Args, UsageError, langArgument, parse} from './commands/args.js';
import {checkCommand} from './commands/check.js';
import {failure} from './commands/failure.js';
import type {Io} from './commands/io.js';
import {listCommand, progressCommand, resetCommand} from './commands/progress.js';
import {findEntry, startPlain} from './commands/start.js';
import {traceCommand} from './commands/trace.js';
import {translationsCommand} from './commands/translations.js';
import {type Lang, chooseLang} from './i18n/lang.js';
import {type Texts, loadTexts} from './i18n/texts.js';
import {type Catalog, type CatalogFile, type LangCatalogFile, type LessonEntry, openCatalog} from './lessons/catalog.js';
import {type LineReader, lineReader} from './plain/play.js';
import {defaultDir, openStore, storedLanguage} from './progress/store.js';
import {VERSION} from './version.js';
import {clockFrom} from './clock.js';
import {NotLoaded, loadLibraries} from './deferred.js';
import {fileProblem} from './file-problem.js';
import {safeText} from './safe-text.js';
import {leaveByHangUp, terminalGone} from './terminal-gone.js';

const SHIPPED = fileURLToPath(new URL('../lessons/', import.meta.url));
const randomSeed = () => randomInt(0, 2 ** 32); // every seed from 0 to 2^32−1 (the upper bound is exclusive)

async function catalogFor(args: Args, io: Io): Promise<Catalog> {
	let built: CatalogFile | undefined;
	try {
		built = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8')) as CatalogFile;
	} catch {
		built = undefined; // no build-time catalog (running from sources): every lesson is parsed
	}
	let catalog: Catalog;
	try {
		catalog = openCatalog([SHIPPED, ...args.lessons], built); // all in the build-time catalog: no YAML parsed
	} catch (error) {
		if (!(error instanceof NotLoaded)) throw error;
		await loadLibraries(); // a lesson the catalog does not know: parse it
		catalog = openCatalog([SHIPPED, ...args.lessons], built);
	}
	for (const e of catalog.errors) io.err(io.texts.t('cli.skipped', {message: e.message}));
	return catalog;
}

/** The menu's entries in the learner's language: from the build-time catalog of that language, else from the translation files. */
async function entriesIn(catalog: Catalog, lang: Lang): Promise<LessonEntry[]> {
	if (lang === 'en') return [...catalog.entries];
	let built: LangCatalogFile | undefined;
	try {
		built = JSON.parse(readFileSync(new URL(`./catalog.${lang}.json`, import.meta.url), 'utf8')) as LangCatalogFile;
	} catch {
		built = undefined; // running from sources: the translation files are parsed
	}
	try {
		return catalog.entriesIn(lang, built);
	} catch (error) {
		if (!(error instanceof NotLoaded)) throw error;
		await loadLibraries();
		return catalog.entriesIn(lang, built);
	}
}

/** Interactive only on a real terminal with a size, outside CI (ink draws nothing there until exit). */
function interactive(args: Args, env: NodeJS.ProcessEnv): boolean {
	const ci = (env['CI'] !== undefined && env['CI'] !== 'false' && env['CI'] !== '0') || env['CONTINUOUS_INTEGRATION'] !== undefined;
	return !args.plain && !ci && process.stdin.isTTY === true && process.stdout.isTTY === true
		&& (process.stdout.columns ?? 0) > 0 && (process.stdout.rows ?? 0) > 0;
}

/** The signals that end a command, and their numbers (the exit code is 128 + the number, as a shell reports it). */
const SIGNALS = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15} as const;
type Stop = keyof typeof SIGNALS;
let stopped: Stop | undefined;

/**
 * Ctrl+C, kill or a closed terminal ends a line-mode command at once; a plain session first saves its
 * attempt (its input ends, as at end of file). Long work yields often enough for this to run (check).
 */
function endOnSignals(reader: () => LineReader | undefined): void {
	for (const signal of Object.keys(SIGNALS) as Stop[]) {
		process.on(signal, () => {
			if (stopped) process.exit(128 + SIGNALS[stopped]); // a second signal does not wait for the save
			stopped = signal;
			const input = reader();
			if (input?.close) input.close();
			else process.exit(128 + SIGNALS[signal]);
		});
	}
}

async function main(argv: readonly string[]): Promise<number> {
	const env = process.env;
	// The language first: --help and a usage error are already in it. Only its own catalogue is loaded.
	const lang = chooseLang(langArgument(argv), storedLanguage(defaultDir(env)), env);
	const texts: Texts = await loadTexts(lang);
	let reader: LineReader | undefined; // stdin is read only by the commands that ask (ink reads it itself)
	const io: Io = {
		texts,
		out: line => process.stdout.write(`${safeText(line)}\n`),
		err: line => process.stderr.write(`${safeText(line)}\n`),
		input: {next: () => (reader ??= lineReader(process.stdin)).next()},
		env,
		columns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 100,
	};
	const args = parse(argv, env, texts);
	const clock = clockFrom(env);
	let opened: ReturnType<typeof openStore> | undefined;
	const store = () => {
		if (opened) return opened;
		opened = openStore({dir: defaultDir(env), projectVersion: VERSION});
		if (args.lang) opened.setLanguage(args.lang); // --lang is remembered, as the menu's switch is
		return opened;
	};
	// A store that was moved aside or salvaged says so once, whichever command opened it (start and the menu tell it themselves).
	const toldStore = () => {
		const s = store();
		if (s.notice) io.err(s.notice);
		return s;
	};
	const ui = (args.command === 'menu' || args.command === 'start' || args.command === 'review' || args.command === 'drill') && interactive(args, env);
	// The interactive menu loads the YAML parser and conf after its first frame; --help and --version
	// need neither; every other command loads them now.
	const later = (ui && args.command === 'menu') || args.command === 'help' || args.command === 'version' || args.command === 'explain';
	if (!ui) endOnSignals(() => reader); // the interactive tutor saves and leaves on its own (ui/run.tsx)
	if (!later) await loadLibraries();
	switch (args.command) {
		case 'help': io.out(texts.t('cli.help')); return 0;
		case 'version': io.out(VERSION); return 0;
		case 'trace': return traceCommand(args, io, randomSeed);
		case 'explain': return (await import('./commands/explain.js')).explainCommand(args, io); // loaded only when run
		case 'lab': {
			const lab = await import('./commands/lab.js'); // loaded only when run
			return lab.labCommand(args, io, () => catalogFor(args, io), lab.ttyTerminal(env));
		}
		case 'check': return checkCommand(args, io, SHIPPED);
		case 'translations': return translationsCommand(args, io, SHIPPED);
		case 'list': return listCommand(args, io, await entriesIn(await catalogFor(args, io), lang), toldStore());
		case 'progress': {
			const catalog = await catalogFor(args, io);
			const store = toldStore();
			// The overview (and its scheduler) is loaded only for this command.
			const overview = async () => (await import('./commands/practice.js')).overviewFor({catalog, store, clock, texts});
			return progressCommand(args, io, await entriesIn(catalog, lang), store, args.exportFile || args.importFile ? undefined : overview);
		}
		case 'reset': return resetCommand(args, io, (await catalogFor(args, io)).entries, toldStore());
		case 'menu':
		case 'start':
		case 'review':
		case 'drill': {
			if ((args.command === 'review' || args.command === 'drill') && args.positionals.length > 0) throw new UsageError(texts.t('cli.practiceTakesNoLesson', {command: args.command}));
			if (args.minutes !== undefined && args.command !== 'drill') throw new UsageError(texts.t('cli.minutesForDrill'));
			if (args.command === 'start' && args.positionals.length !== 1) throw new UsageError(texts.t('cli.startNeedsOne'));
			// Start loading ink at once: its layout engine compiles (WebAssembly) while the catalog is read.
			const ink = ui ? import('./ui/run.js') : undefined;
			const catalog = await catalogFor(args, io);
			const entries = await entriesIn(catalog, lang);
			const s = store();
			const now = () => clock().getTime();
			if (!ink && (args.command === 'review' || args.command === 'drill')) {
				if (s.notice) io.err(s.notice);
				const practice = await import('./commands/practice.js'); // the scheduler loads with it, only now
				let next = args.seed ?? 0; // --seed: the same questions and numbers again
				const ctx = {catalog, texts, store: s, clock, randomSeed: args.seed === undefined ? randomSeed : () => next++ >>> 0};
				return args.command === 'review' ? practice.reviewPlain(ctx, io) : practice.drillPlain(ctx, io, args.minutes);
			}
			if (!ink) return startPlain(args, io, {...catalog, entries}, s, randomSeed, now);
			const startLesson = args.positionals[0] === undefined ? undefined : findEntry(catalog, args.positionals[0], texts).id;
			const {runInteractive} = await ink;
			const running = runInteractive({entries, texts, loadLesson: catalog.load, store: s, color: args.color,
				switchLanguage: async to => ({texts: await loadTexts(to), entries: await entriesIn(catalog, to)}),
				...(args.seed === undefined ? {} : {seed: args.seed}), ...(startLesson ? {startLesson, fresh: args.restart || args.seed !== undefined} : {}),
				clock, ...(args.command === 'review' || args.command === 'drill' ? {practice: args.command} : {}),
				...(args.minutes === undefined ? {} : {minutes: args.minutes})});
			void loadLibraries(); // after the first frame: ready long before the learner opens a lesson
			return running;
		}
	}
}

// `tcp-tutor list | head` closes the pipe early: that is not an error. Any other failure to write the
// output (a full disk, a terminal that went away) is one, said in words.
function outputFailed(error: NodeJS.ErrnoException): void {
	if (error.code === 'EPIPE') process.exit(0);
	if (error.code === 'EIO') return; // the terminal went away: its input ends too, and leave() ends by SIGHUP
	try {
		process.stderr.write(`tcp-tutor: the output ${fileProblem(error, 'write')}.\n`);
	} catch { /* stderr is gone too */ }
	process.exit(1);
}
process.stdout.on('error', outputFailed);

/** Exit with `code`, or by SIGHUP when the terminal is gone (a normal exit would abort: see terminal-gone.ts). */
function leave(code: number): never {
	if (terminalGone()) leaveByHangUp();
	process.exit(code);
}

main(process.argv.slice(2)).then(
	result => {
		const code = stopped ? 128 + SIGNALS[stopped] : result;
		process.exitCode = code;
		// Exit once output is flushed instead of waiting for stdin or ink's timers; a file's write fails at once, its event comes later.
		if (process.stdout.errored) outputFailed(process.stdout.errored);
		process.stdout.write('', () => {
			if (process.stdout.errored) outputFailed(process.stdout.errored);
			leave(code);
		});
	},
	(error: unknown) => {
		const {code, text} = failure(error, Boolean(process.env['DEBUG']));
		process.stderr.write(text);
		leave(code);
	},
);
