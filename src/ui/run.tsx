// Start the interactive tutor with ink; resolves with the exit code once the learner quits.
// The caller sends non-TTY runs to plain mode before this (ink needs raw mode for keys).
import {render} from 'ink';
import type {Lang} from '../i18n/lang.js';
import type {Texts} from '../i18n/texts.js';
import type {LessonEntry} from '../lessons/catalog.js';
import type {Lesson} from '../lessons/schema.js';
import type {ProgressStore} from '../progress/types.js';
import {leaveByHangUp, terminalGone} from '../terminal-gone.js';
import {App} from './App.js';
import type {Clock} from '../clock.js';

export type InteractiveOptions = {
	/** The lessons, in menu order. */
	readonly entries: readonly LessonEntry[];
	/** Parse one lesson by id, in a language. */
	loadLesson(id: string, lang?: Lang): Lesson;
	/** The learner's texts (default English). */
	readonly texts?: Texts;
	/** The menu's language switch: the other language's texts and entries. */
	readonly switchLanguage?: (to: Lang) => Promise<{readonly texts: Texts; readonly entries: readonly LessonEntry[]}>;
	readonly store: ProgressStore;
	/** The seed of new attempts (--seed); default a random 32-bit seed. */
	readonly seed?: number;
	/** Open this lesson directly (tcp-tutor start LESSON). */
	readonly startLesson?: string;
	/** Begin startLesson anew, ignoring its resume point. */
	readonly fresh?: boolean;
	/** Draw colours (false for NO_COLOR and --no-color). */
	readonly color: boolean;
	/** Streams (tests); default the process's. */
	readonly stdin?: NodeJS.ReadStream;
	readonly stdout?: NodeJS.WriteStream;
	readonly stderr?: NodeJS.WriteStream;
	/** The wall clock (review schedules, answer times). */
	readonly clock?: Clock;
	/** Open a review or a drill at once. */
	readonly practice?: 'review' | 'drill';
	/** A timed drill's minutes. */
	readonly minutes?: number;
	/** Tests: every frame written whole (ink's debug mode, drawn even under CI) and console left alone. */
	readonly debug?: boolean;
};

export async function runInteractive(opts: InteractiveOptions): Promise<number> {
	let code = 0;
	const saver: {current: (() => void) | undefined} = {current: undefined};
	const app = render(
		<App entries={opts.entries} loadLesson={(id, lang) => opts.loadLesson(id, lang)} store={opts.store} color={opts.color} saver={saver}
			{...(opts.texts ? {texts: opts.texts} : {})} {...(opts.switchLanguage ? {switchLanguage: opts.switchLanguage} : {})}
			onExit={c => {
				code = c;
			}}
			{...(opts.seed === undefined ? {} : {seed: opts.seed})} {...(opts.startLesson ? {startLesson: opts.startLesson, fresh: opts.fresh === true} : {})}
			{...(opts.clock ? {clock: opts.clock, now: () => opts.clock!().getTime()} : {})} {...(opts.practice ? {practice: opts.practice} : {})}
			{...(opts.minutes === undefined ? {} : {minutes: opts.minutes})} />,
		{
			exitOnCtrlC: false, // the app saves progress first
			...(opts.debug ? {debug: true, patchConsole: false} : {}),
			...(opts.stdin ? {stdin: opts.stdin} : {}), ...(opts.stdout ? {stdout: opts.stdout} : {}), ...(opts.stderr ? {stderr: opts.stderr} : {}),
		},
	);
	// A kill: save the attempt, then leave like Ctrl+C does.
	const onSignal = () => {
		saver.current?.();
		app.unmount();
	};
	// SIGHUP, or the terminal's input ending: save; a terminal that is gone cannot be drawn on nor restored, so end by SIGHUP.
	const onHangUp = () => {
		saver.current?.();
		if (terminalGone()) leaveByHangUp();
		app.unmount();
	};
	const stdin = opts.stdin ?? process.stdin;
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal); // kill -INT (Ctrl+C itself arrives as a key in raw mode)
	process.once('SIGHUP', onHangUp);
	stdin.once('end', onHangUp);
	try {
		await app.waitUntilExit();
	} finally {
		process.off('SIGTERM', onSignal);
		process.off('SIGINT', onSignal);
		process.off('SIGHUP', onHangUp);
		stdin.off('end', onHangUp);
	}
	return code;
}
