// Plain mode: the same lesson as numbered, line-based questions and answers. Works in a pipe,
// with a screen reader and in scripts. A wrong answer is feedback, then the same question again.
import {
	currentBeat, currentQuestion, explanation, isDone, reduce, save, score, startSession, progressOf, promptText, fieldResults, templateValues,
} from '../lessons/engine.js';
import {fillTemplate, firstSentence} from '../lessons/text.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import type {Lesson} from '../lessons/schema.js';
import type {ProgressStore} from '../progress/types.js';
import {eventTeller} from './narrate.js';
import {answerPlain, tellStep} from './question.js';
import {gradeOf} from '../review/grade.js';
import {labCanRun} from '../lab/plan.js';

export type LineReader = {
	/** The next line; undefined at end of input (or once closed). */
	next(): Promise<string | undefined>;
	/** End the input now, as if it had ended (a signal): a session waiting on it saves and returns. */
	close?(): void;
};
export type PlayOptions = {
	readonly lesson: Lesson;
	readonly store: ProgressStore;
	readonly seed: number;
	/** Start over even if a resume point is saved. */
	readonly fresh: boolean;
	readonly input: LineReader;
	write(line: string): void;
	readonly now?: () => number;
	/** The learner's language (default English); the lesson comes already translated. */
	readonly texts?: Texts;
};


/** Play one lesson; resolves with how it ended. */
export async function playPlain(o: PlayOptions): Promise<'done' | 'quit' | 'eof'> {
	const texts = o.texts ?? ENGLISH;
	const {t} = texts;
	const resume = o.fresh ? undefined : o.store.lesson(o.lesson.id)?.resume;
	let s = startSession(o.lesson, o.seed, resume, texts);
	const now = o.now ?? Date.now;
	let last = now();
	const tick = () => {
		const t = now();
		s = reduce(s, {type: 'tick', ms: t - last});
		last = t;
	};
	let warned = o.store.notice; // a store that cannot be used was told at the start
	/** Did the last write reach the disk? Says why not, once for each new reason. */
	const saved = () => {
		const problem = o.store.writeError;
		if (problem && problem !== warned) o.write(t('plain.warning', {problem}));
		warned = problem ?? warned;
		return problem === undefined;
	};
	const persist = () => {
		tick();
		o.store.saveAttempt(o.lesson.id, save(s), progressOf(s).done, progressOf(s).total);
		return saved();
	};
	if (!resume) o.store.startAttempt(o.lesson.id);
	o.write(t('plain.title', {title: o.lesson.title, summary: o.lesson.summary}));
	o.write(t(resume ? 'plain.resuming' : 'plain.seed', {seed: s.seed}));
	if (o.lesson.untranslated?.length && t('plain.untranslated')) o.write(t('plain.untranslated')); // English where a translation lacks text: said once
	for (const k of s.skipped) o.write(t('plain.skipped', {id: k.id, field: k.field, reason: k.reason}));
	if (s.lesson.intro && !resume) {
		o.write('');
		// The intro's placeholders ({client.isn} …) filled, as the player shows it.
		const values = templateValues(s, false);
		o.write(fillTemplate(s.lesson.intro.tcp, values));
		if (s.lesson.intro.analogy) o.write(t('plain.analogy', {text: fillTemplate(s.lesson.intro.analogy, values)}));
	}
	// Events are told once each, in trace order, as soon as the engine lets the learner see them.
	const tellSeen = eventTeller(o.write, texts);
	const tell = () => tellSeen(s);
	let storyStep = -1;
	for (;;) {
		const beat = currentBeat(s);
		if (beat.kind === 'intro') { // told above, before the first step
			s = reduce(s, {type: 'next'});
			continue;
		}
		if (beat.step !== storyStep && beat.kind !== 'end') {
			storyStep = beat.step;
			o.write('');
			tellStep(s, o.write);
		}
		tell();
		if (isDone(s)) break;
		const q = currentQuestion(s);
		if (!q) {
			s = reduce(s, {type: 'next'});
			continue;
		}
		const {done, total} = progressOf(s);
		o.write('');
		o.write(t('plain.question', {k: done + 1, n: total, prompt: promptText(s) ?? ''}));
		const asked = await answerPlain(s, o.input, o.write);
		s = asked.session;
		if (asked.ended === 'eof') {
			const kept = persist();
			o.write('');
			o.write(kept ? t('plain.eofSaved', {id: o.lesson.id}) : t('plain.eofNotSaved'));
			return 'eof';
		}
		if (asked.ended === 'quit') {
			o.write(persist() ? t('plain.quitSaved') : t('plain.quitNotSaved'));
			return 'quit';
		}
		tell(); // what the question kept hidden
		const why = explanation(s);
		if (why) o.write(`  ${why}`);
		const result = s.results[q.id];
		if (result) o.store.recordAnswer(o.lesson.id, q.id, gradeOf(result), new Date(now()));
		persist();
		s = reduce(s, {type: 'next'});
	}
	tick();
	const final = score(s);
	o.store.finishAttempt(o.lesson.id, final, fieldResults(s));
	saved();
	o.write('');
	o.write(t('plain.complete', {score: final, seconds: Math.round(s.elapsedMs / 1000)}));
	const missed = s.lesson.questions.filter(q => s.results[q.id] && !s.results[q.id]!.firstTry);
	if (missed.length > 0) o.write(t('plain.review', {prompts: missed.map(q => firstSentence(q.prompt)).join(' | ')}));
	if (s.lesson.outro) o.write(s.lesson.outro);
	if (labCanRun(s.lesson.scenario)) o.write(t('summary.lab', {id: o.lesson.id}));
	return 'done';
}

/** Lines from a stream, one at a time; undefined at end of input. */
export function lineReader(stream: NodeJS.ReadableStream): LineReader {
	const lines: string[] = [];
	let ended = false;
	let wake: (() => void) | undefined;
	let buffer = '';
	stream.setEncoding?.('utf8');
	stream.on('data', (chunk: string) => {
		buffer += chunk;
		const parts = buffer.split(/\r?\n/);
		buffer = parts.pop() ?? '';
		lines.push(...parts);
		wake?.();
	});
	stream.on('end', () => {
		if (buffer !== '') lines.push(buffer);
		ended = true;
		wake?.();
	});
	return {
		async next() {
			while (lines.length === 0 && !ended) await new Promise<void>(r => (wake = r));
			return ended && lines.length === 0 ? undefined : lines.shift();
		},
		close() {
			lines.length = 0;
			ended = true;
			stream.pause();
			wake?.();
		},
	};
}
