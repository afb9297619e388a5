// The lesson engine: a pure reducer over the session (Shopify CLI's use-select-state pattern).
// It walks the trace beat by beat, asks the lesson's questions and checks answers against the trace.
// No ink, no I/O, no clock: the time spent comes in with the actions that need it.
import {type Trace, run} from '../sim/run.js';
import {check, choicesFor, formatHelp, showExpected} from './fields.js';
import {ENGLISH, type Texts} from '../i18n/texts.js';
import {expected, ruleFor, ruleText, unanswerable} from './resolve.js';
import {isnsOf} from './seq-sums.js';
import {type Beat, planBeats} from './plan.js';
import type {Field, Lesson, Question} from './schema.js';
import {fillTemplate} from './text.js';

export {FIELD_LABELS, check, choicesFor, fieldLabel, fieldName, showExpected} from './fields.js';
export {type Beat, askedBefore, isCountQuestion, planBeats} from './plan.js';
export {type Visible, visible} from './visibility.js';

export type QuestionResult = {
	readonly attempts: number;
	readonly hints: number;
	readonly revealed: boolean;
	readonly firstTry: boolean;
	/** Fields that were answered wrong at least once. */
	readonly missed: readonly Field[];
};

export type Feedback = {
	readonly kind: 'correct' | 'wrong' | 'unreadable' | 'revealed';
	readonly field: Field;
	readonly expected: string;
	readonly given?: string;
	readonly rule?: string;
};

export type Session = {
	readonly lesson: Lesson;
	readonly seed: number;
	readonly trace: Trace;
	readonly beats: readonly Beat[];
	readonly pos: number;
	/** Ask and show seq/ack relative to the ISNs (Wireshark's default) instead of absolute. */
	readonly relative: boolean;
	/** Which of the current question's fields is being asked. */
	readonly field: number;
	readonly attempts: number;
	readonly hints: number;
	readonly revealed: boolean;
	readonly missed: readonly Field[];
	/** The first wrong answer given for each field of the current question (expected vs given). */
	readonly given: Readonly<Partial<Record<Field, string>>>;
	/** All fields answered: the explanation is showing. */
	readonly explained: boolean;
	readonly feedback?: Feedback;
	readonly results: Readonly<Record<string, QuestionResult>>;
	/** Milliseconds spent, added by the actions that carry time. */
	readonly elapsedMs: number;
	/** Questions left out because this run's trace cannot answer them (tcp-tutor check reports them). */
	readonly skipped: readonly Skipped[];
	/** The learner's language: every text the engine writes (rules, feedback, answers shown). */
	readonly texts: Texts;
};

export type Skipped = {readonly id: string; readonly field: Field; readonly reason: string};

export type Action =
	| {readonly type: 'answer'; readonly text: string}
	| {readonly type: 'hint'}
	| {readonly type: 'reveal'}
	| {readonly type: 'next'}
	/** On to the next beat where there is something to read or answer (the beats between play on their own). */
	| {readonly type: 'skip'}
	| {readonly type: 'toggle-relative'}
	| {readonly type: 'tick'; readonly ms: number};

/** Where a learner stopped: enough to rebuild the same session. */
export type Saved = {
	readonly seed: number;
	readonly pos: number;
	readonly relative: boolean;
	readonly results: Readonly<Record<string, QuestionResult>>;
	readonly elapsedMs: number;
};

export function startSession(full: Lesson, seed: number, saved?: Saved, texts: Texts = ENGLISH): Session {
	const trace = run(full.scenario, saved?.seed ?? seed);
	// A question this trace cannot answer is left out and reported, never asked (it would have no answer to check).
	const skipped: Skipped[] = [];
	const questions = full.questions.filter(q => {
		const missing = unanswerable(q, trace);
		if (missing) skipped.push({id: q.id, ...missing});
		return !missing;
	});
	const lesson = skipped.length === 0 ? full : {...full, questions};
	const beats = planBeats(lesson, trace);
	const s: Session = {
		lesson, skipped, texts, seed: saved?.seed ?? seed, trace, beats, pos: 0, relative: saved?.relative ?? false, field: 0, attempts: 0,
		hints: 0, revealed: false, missed: [], given: {}, explained: false, results: saved?.results ?? {}, elapsedMs: saved?.elapsedMs ?? 0,
	};
	return {...s, pos: Math.min(Math.max(0, saved?.pos ?? 0), beats.length - 1)};
}

/** Where to resume: an explained question is done, so the learner comes back after it, not to it. */
export function save(s: Session): Saved {
	const pos = s.explained && !isDone(s) ? s.pos + 1 : s.pos;
	return {seed: s.seed, pos, relative: s.relative, results: s.results, elapsedMs: s.elapsedMs};
}

export function currentBeat(s: Session): Beat {
	return s.beats[s.pos]!;
}

export function currentQuestion(s: Session): Question | undefined {
	const b = currentBeat(s);
	return b.kind === 'ask' ? s.lesson.questions[b.question] : undefined;
}

export function currentField(s: Session): Field | undefined {
	const q = currentQuestion(s);
	return q && !s.explained ? q.ask[s.field] : undefined;
}

export function isDone(s: Session): boolean {
	return currentBeat(s).kind === 'end';
}

export function reduce(s: Session, a: Action): Session {
	switch (a.type) {
		case 'tick': return {...s, elapsedMs: s.elapsedMs + Math.max(0, a.ms)};
		case 'toggle-relative': return {...s, relative: !s.relative};
		case 'next': return next(s);
		case 'skip': {
			let n = next(s);
			while (n !== s && !currentBeat(n).stop) {
				const after = next(n);
				if (after === n) break;
				n = after;
			}
			return n;
		}
		case 'hint': {
			const q = currentQuestion(s);
			if (!q || s.explained || s.hints >= q.hints.length) return s;
			return {...s, hints: s.hints + 1};
		}
		case 'reveal': {
			const q = currentQuestion(s);
			const f = currentField(s);
			if (!q || !f) return s;
			const fb: Feedback = {kind: 'revealed', field: f, expected: showExpected(s, q, f), rule: ruleFor(q, f, s.trace, s.relative, s.texts)};
			return advanceField({...s, revealed: true, missed: addMissed(s.missed, f)}, q, fb);
		}
		case 'answer': return answer(s, a.text);
	}
}

function next(s: Session): Session {
	const q = currentQuestion(s);
	if (q && !s.explained) return s; // a question blocks until answered or revealed
	if (isDone(s)) return s;
	return {...s, pos: s.pos + 1, field: 0, attempts: 0, hints: 0, revealed: false, missed: [], given: {}, explained: false, feedback: undefined};
}

function answer(s: Session, raw: string): Session {
	const q = currentQuestion(s);
	const f = currentField(s);
	if (!q || !f) return s;
	const choices = choicesFor(f, s.texts);
	const pick = /^\s*\d+\s*$/.test(raw) && choices ? choices[Number(raw) - 1] : undefined;
	const text = pick ?? raw; // a select field also takes the number of a choice, as plain mode lists them
	const exp = expected(q, f, s.trace);
	const verdict = check(s, q, exp, text);
	const rule = ruleFor(q, f, s.trace, s.relative, s.texts);
	if (verdict === undefined) {
		return {...s, feedback: {kind: 'unreadable', field: f, expected: formatHelp(f, s.texts), given: text}};
	}
	if (!verdict) {
		// A wrong answer names the rule that decides the value, not the value: the learner tries again.
		return {...s, attempts: s.attempts + 1, missed: addMissed(s.missed, f), given: {[f]: text.trim(), ...s.given},
			feedback: {kind: 'wrong', field: f, expected: showExpected(s, q, f), given: text.trim(), rule: ruleText(f, s.texts)}};
	}
	return advanceField({...s, attempts: s.attempts + 1}, q, {kind: 'correct', field: f, expected: showExpected(s, q, f), given: text.trim(), rule});
}

function advanceField(s: Session, q: Question, fb: Feedback): Session {
	if (s.field + 1 < q.ask.length) return {...s, field: s.field + 1, feedback: fb};
	const result: QuestionResult = {
		attempts: s.attempts, hints: s.hints, revealed: s.revealed, missed: s.missed,
		firstTry: !s.revealed && s.hints === 0 && s.missed.length === 0,
	};
	return {...s, explained: true, feedback: fb, results: {...s.results, [q.id]: result}};
}

function addMissed(missed: readonly Field[], f: Field): readonly Field[] {
	return missed.includes(f) ? missed : [...missed, f];
}

/** Only the ISNs (a prompt must not show the answer it asks for): {client.isn} and {x} of the first connection, {client.isn2} … of the later ones. */
export function isnValues(s: Pick<Session, 'trace'>): Record<string, number> {
	const values: Record<string, number> = {'client.isn': s.trace.isn.client, 'server.isn': s.trace.isn.server, x: s.trace.isn.client, y: s.trace.isn.server};
	const all = isnsOf(s.trace);
	for (const side of ['client', 'server'] as const) all[side].forEach((isn, i) => (values[`${side}.isn${i + 1}`] = isn));
	return values;
}

/** Values for {placeholders} in lesson text: ISNs and the current question's answers. */
export function templateValues(s: Session, withAnswers = true): Record<string, number | string> {
	const values: Record<string, number | string> = isnValues(s);
	const q = currentQuestion(s);
	if (q && withAnswers) for (const f of q.ask) {
		try {
			const e = expected(q, f, s.trace);
			values[f] = 'relative' in e ? (s.relative ? e.relative : e.value) : 'value' in e && typeof e.value === 'number' ? e.value : showExpected(s, q, f);
		} catch { /* a question without an answer in this trace: tcp-tutor check reports it */ }
	}
	return values;
}

/** Field by field, once the question is done: what was expected and, where it differed, what was given first. */
export function verdicts(s: Session): {field: Field; expected: string; given?: string; shown: boolean}[] {
	const q = currentQuestion(s);
	if (!q) return [];
	const upto = s.explained ? q.ask.length : s.field;
	return q.ask.slice(0, upto).map(field => ({
		field, expected: showExpected(s, q, field), shown: s.feedback?.kind === 'revealed' && s.feedback.field === field,
		...(s.given[field] === undefined ? {} : {given: s.given[field]}),
	}));
}

/** The current question's prompt, placeholders filled. */
export function promptText(s: Session): string | undefined {
	const q = currentQuestion(s);
	return q && fillTemplate(q.prompt, templateValues(s, false));
}

/** The hints taken so far, placeholders filled. */
export function hintTexts(s: Session): string[] {
	const q = currentQuestion(s);
	return q ? q.hints.slice(0, s.hints).map(h => fillTemplate(h, templateValues(s, false))) : [];
}

export function explanation(s: Session): string | undefined {
	const q = currentQuestion(s);
	return q && s.explained ? fillTemplate(q.explain, templateValues(s)) : undefined;
}

/**
 * The story of the current step, TCP view and analogy (the lesson's intro on its first beat); none
 * for a step the lesson tells nothing about (the view shows the step's caption instead of
 * repeating an earlier step's text). Never the answers: the story is read before the questions.
 */
export function storyFor(s: Session): {tcp: string; analogy?: string} | undefined {
	const beat = currentBeat(s);
	const told = beat.kind === 'intro' ? s.lesson.intro : beat.kind === 'end' ? undefined : s.lesson.story.find(b => b.step === beat.step);
	if (!told) return undefined;
	const values = templateValues(s, false);
	return {tcp: fillTemplate(told.tcp, values), ...(told.analogy ? {analogy: fillTemplate(told.analogy, values)} : {})};
}

/** Each asked field of each answered question, and whether it was right at the first try (for the store's accuracy). */
export function fieldResults(s: Session): {field: Field; firstTry: boolean}[] {
	return s.lesson.questions.flatMap(q => {
		const r = s.results[q.id];
		return r ? q.ask.map(field => ({field, firstTry: r.firstTry || !r.missed.includes(field)})) : [];
	});
}

/** 0-100: a question solved at the first try without hints counts 1, solved later 0.5, revealed 0. */
export function score(s: Pick<Session, 'lesson' | 'results'>): number {
	const qs = s.lesson.questions;
	if (qs.length === 0) return 100;
	const points = qs.reduce((sum, q) => {
		const r = s.results[q.id];
		return sum + (!r || r.revealed ? 0 : r.firstTry ? 1 : 0.5);
	}, 0);
	return Math.round((100 * points) / qs.length);
}

/** Step k of n, for the header: questions answered so far. */
export function progressOf(s: Session): {done: number; total: number} {
	return {done: Object.keys(s.results).filter(id => s.lesson.questions.some(q => q.id === id)).length, total: s.lesson.questions.length};
}
