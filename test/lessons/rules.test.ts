// A question may ask several fields in turn ([state, timer, duration]): the feedback on one field
// (right, wrong or revealed) never shows the answer of a field asked after it.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {type Session, promptText, reduce, showExpected, startSession, verdicts} from '../../src/lessons/engine.js';
import {expected} from '../../src/lessons/resolve.js';
import type {Field, Lesson, Question} from '../../src/lessons/schema.js';
import {right, wrong} from './typed-answers.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const SEEDS = [1, 3, 7, 0xfffffff7];

/** The forms in which a learner would read a field's answer, as patterns. */
function forms(s: Session, q: Question, field: Field): RegExp[] {
	const e = expected(q, field, s.trace);
	const dashed = (name: string) => name.replace(/-/g, '[-_ ]?');
	switch (e.field) {
		case 'state': {
			// Upper case as the states are written; one-word states in lower case are plain English ("closed").
			const out = [new RegExp(`\\b${dashed(e.value)}\\b`)];
			if (e.value.includes('-')) out.push(new RegExp(`\\b${dashed(e.value)}\\b`, 'i'));
			return out;
		}
		case 'timer': return e.any.map(t => ({
			'retransmit': /retransmi|\bRTO\b/i, 'delayed-ack': /delay/i, 'time-wait': /time[-_ ]?wait|MSL/i,
			'fin-wait-2': /fin[-_ ]?wait[-_ ]?2|fin_timeout/i, 'syn-queue': /syn[-_ ]?queue/i, 'keepalive': /keep[-_ ]?alive/i, 'none': /\bno timer\b/i,
		})[t]);
		case 'duration': {
			const n = (v: number) => String(Number(v.toFixed(6))).replace('.', '\\.');
			const out = [new RegExp(`(?<![\\d.])${n(e.value)}\\s*(s|sec|secs|seconds?)\\b`), new RegExp(`(?<![\\d.])${n(e.value * 1000)}\\s*ms\\b`)];
			if (e.value >= 60 && e.value % 60 === 0) out.push(new RegExp(`(?<![\\d.])${n(e.value / 60)}\\s*(min|minutes?)\\b`));
			return out;
		}
		case 'acked': return [/acknowledged everything/i, /owes an ACK/i];
		case 'flags': return e.flags.filter(f => f !== 'PSH').length > 1 ? [new RegExp(showExpected(s, q, field))] : [];
		case 'seq': case 'ack': case 'len': {
			const v = s.relative && 'relative' in e ? e.relative : e.value;
			return [new RegExp(`\\b${field}\\s*=\\s*${v}\\b`), ...(v >= 10_000 ? [new RegExp(`\\b${v}\\b`)] : [])];
		}
		case 'sender': return [new RegExp(`\\b${e.value}\\b`, 'i')];
		case 'count': case 'claim': case 'syn-queue': case 'accept-queue': return [];
	}
}

/** The session at question `qi`, before its first field is answered. */
function at(lesson: Lesson, qi: number, seed: number, relative: boolean): Session {
	const s = startSession(lesson, seed);
	const pos = s.beats.findIndex(b => b.kind === 'ask' && b.question === qi);
	return {...s, pos, relative};
}

/** What the learner reads once field `i` has had feedback: the feedback line, its rule and the verdicts so far. */
function feedbackText(s: Session): string {
	const fb = s.feedback!;
	const shown = fb.kind === 'wrong' ? [fb.rule] : [fb.expected, fb.rule];
	return [...shown, ...verdicts(s).map(v => v.expected)].join('\n');
}

type Row = {lesson: Lesson; qi: number; q: Question};
const rows: Row[] = lessons.flatMap(lesson => lesson.questions.flatMap((q, qi) => (q.ask.length > 1 ? [{lesson, qi, q}] : [])));

describe('feedback on one field of a question never gives away a later one', () => {
	it('covers the multi-field questions (the table is not empty)', () => {
		expect(rows.length).toBeGreaterThan(20);
	});

	it.each(rows.map(r => [`${r.lesson.id} ${r.q.id} [${r.q.ask.join(', ')}]`, r] as const))('%s', (_name, {lesson, qi, q}) => {
		for (const seed of SEEDS) {
			for (const relative of [false, true]) {
				let s = at(lesson, qi, seed, relative);
				const prompt = promptText(s) ?? '';
				for (let i = 0; i < q.ask.length - 1; i++) {
					const shownAnswers = q.ask.slice(0, i + 1).map(f => showExpected(s, q, f)).join('\n');
					const after = {
						wrong: reduce(s, {type: 'answer', text: wrong(s)}),
						right: reduce(s, {type: 'answer', text: right(s)}),
						revealed: reduce(s, {type: 'reveal'}),
					};
					for (const [how, next] of Object.entries(after)) {
						const text = feedbackText(next);
						for (const later of q.ask.slice(i + 1)) {
							for (const form of forms(s, q, later)) {
								// Already on screen: in the prompt, or the very answer of this field or an earlier one.
								if (form.test(prompt) || form.test(shownAnswers)) continue;
								expect(text, `seed ${seed}${relative ? ' relative' : ''}: ${how} ${q.ask[i]} shows the ${later} (${form})`).not.toMatch(form);
							}
						}
					}
					s = after.right;
				}
			}
		}
	});
});

describe('the format help shown for an unreadable answer', () => {
	const typed = lessons.flatMap(lesson => lesson.questions.flatMap((q, qi) => q.ask
		.filter(f => ['seq', 'ack', 'len', 'count', 'duration'].includes(f)).map(field => ({lesson, qi, q, field}))));

	it.each(typed.map(r => [`${r.lesson.id} ${r.q.id} ${r.field}`, r] as const))('%s: its examples are not the answer', (_name, {lesson, qi, q, field}) => {
		for (const seed of SEEDS) {
			for (const relative of [false, true]) {
				let s = at(lesson, qi, seed, relative);
				for (let i = 0; i < q.ask.indexOf(field); i++) s = reduce(s, {type: 'answer', text: right(s)});
				const help = reduce(s, {type: 'answer', text: 'what?'}).feedback!;
				expect(help.kind).toBe('unreadable');
				const answer = expected(q, field, s.trace);
				const value = 'relative' in answer ? (relative ? answer.relative : answer.value) : 'value' in answer ? Number(answer.value) : NaN;
				expect(help.expected).not.toMatch(new RegExp(`(?<![\\d.])${String(value).replace('.', '\\.')}(?![\\d.])`));
				// In x/y notation the answer is x or y plus its relative number: the example must not be that either.
				if ('relative' in answer) expect(help.expected).not.toMatch(new RegExp(`[xy]\\s*\\+\\s*${answer.relative}(?!\\d)`));
			}
		}
	});
});

describe('what the rules say when nothing later is asked', () => {
	const byId = (lessonId: string, qid: string) => {
		const lesson = lessons.find(l => l.id === lessonId)!;
		return {lesson, qi: lesson.questions.findIndex(q => q.id === qid)};
	};

	it('a timer asked last names its duration and the rule behind it', () => {
		const {lesson, qi} = byId('simultaneous-close', 'tw-length');
		let s = at(lesson, qi, 3, false);
		s = reduce(s, {type: 'answer', text: right(s)}); // the timer; the duration comes next
		expect(s.feedback?.rule).toMatch(/^time-wait runs: /);
		s = reduce(s, {type: 'answer', text: right(s)});
		expect(s.feedback?.rule).toMatch(/time-wait runs for 60 s: .*Linux fixes it at 60 s \(TCP_TIMEWAIT_LEN\)/);
	});
});
