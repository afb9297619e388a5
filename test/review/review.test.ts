// Spaced review without ink: grades from results, the schedule FSRS makes of them, a question asked
// again in a new run of its scenario (new numbers, still checked by the trace), and the store's
// migration from a file the current version wrote.
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {type Session, currentQuestion, reduce, startSession} from '../../src/lessons/engine.js';
import {expected} from '../../src/lessons/resolve.js';
import {addAnswer} from '../../src/progress/review-data.js';
import {answered, interviewAnswer, sessionAt} from '../../src/review/ask.js';
import {AGAIN, GOOD, type Grade, HARD, gradeOf} from '../../src/review/grade.js';
import {dueCards, scheduleOf} from '../../src/review/schedule.js';
import {tempDir, tempStore} from '../helpers/temp-store.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const lesson = (id: string) => lessons.find(l => l.id === id)!;
const DAY = 86_400_000;
const T0 = new Date('2026-03-02T10:00:00Z');

/** The expected answer of the current question's field, as a learner would type it (absolute numbers). */
function rightAnswer(s: Session): string {
	const q = currentQuestion(s)!;
	const e = expected(q, q.ask[s.field]!, s.trace) as {value?: unknown; flags?: string[]};
	return e.flags ? e.flags.join(',') : String(e.value);
}

function solve(s: Session, wrongFirst = false): Session {
	let n = s;
	if (wrongFirst) n = reduce(n, {type: 'answer', text: 'RST'});
	while (!n.explained) n = reduce(n, {type: 'answer', text: rightAnswer(n)});
	return n;
}

describe('grades', () => {
	it.each([
		['first try', {attempts: 1, hints: 0, revealed: false, firstTry: true, missed: []}, GOOD],
		['after a miss', {attempts: 2, hints: 0, revealed: false, firstTry: false, missed: ['flags']}, HARD],
		['with hints', {attempts: 1, hints: 1, revealed: false, firstTry: false, missed: []}, HARD],
		['revealed', {attempts: 0, hints: 0, revealed: true, firstTry: false, missed: ['ack']}, AGAIN],
	] as const)('%s', (_name, result, grade) => {
		expect(gradeOf(result)).toBe(grade);
	});
});

describe('the schedule follows the ratings', () => {
	it('a revealed card comes back sooner than one solved at the first try, and a miss in between', () => {
		const due = (grade: Grade) => scheduleOf('l', 'q', {log: [{at: T0.toISOString(), grade}]}).due.getTime();
		expect(due(AGAIN)).toBeLessThan(due(HARD));
		expect(due(HARD)).toBeLessThan(due(GOOD));
		expect(due(AGAIN)).toBeGreaterThan(T0.getTime()); // days, not minutes: due on another day
	});

	it('played through the engine: reveal vs first try on the same lesson, recorded in a real store', () => {
		const store = tempStore();
		const l = lesson('handshake-letters');
		let s = startSession(l, 7);
		while (!currentQuestion(s)) s = reduce(s, {type: 'next'});
		const first = currentQuestion(s)!;
		const revealed = ((x: Session) => {
			while (!x.explained) x = reduce(x, {type: 'reveal'});
			return x;
		})(s);
		store.recordAnswer(l.id, first.id, gradeOf(revealed.results[first.id]!), T0);
		const solved = solve(s);
		store.recordAnswer(l.id, 'other', gradeOf(solved.results[first.id]!), T0);
		expect(dueCards(store.read().review!, new Date(T0.getTime() + 2 * DAY)).map(c => c.questionId)).toEqual([first.id]);
		expect(dueCards(store.read().review!, new Date(T0.getTime() + 4 * DAY)).map(c => c.questionId)).toEqual([first.id, 'other']);
	});

	it('a card answered well again moves further out; missed again, it comes back soon', () => {
		let review = addAnswer({cards: {}}, 'l', 'q', {at: T0.toISOString(), grade: HARD});
		const firstDue = scheduleOf('l', 'q', review.cards['l']!['q']!).due;
		const good = addAnswer(review, 'l', 'q', {at: firstDue.toISOString(), grade: GOOD});
		const again = addAnswer(review, 'l', 'q', {at: firstDue.toISOString(), grade: AGAIN});
		const gap = (r: typeof review) => scheduleOf('l', 'q', r.cards['l']!['q']!).due.getTime() - firstDue.getTime();
		expect(gap(good)).toBeGreaterThan(firstDue.getTime() - T0.getTime());
		expect(gap(again)).toBeLessThan(gap(good));
		review = good;
		expect(review.cards['l']!['q']!.log).toHaveLength(2);
	});
});

describe('a question asked on its own, in a new run', () => {
	const l = lesson('handshake-numbers');
	const q = l.questions.find(x => x.ask.includes('ack'))!;

	it('is positioned at its beat: the diagram up to it, its answer hidden', () => {
		const s = sessionAt(l, q.id, 11)!;
		expect(currentQuestion(s)?.id).toBe(q.id);
		expect(s.explained).toBe(false);
	});

	it('has new numbers with a new seed, and the answer is checked against the new trace', () => {
		const a = sessionAt(l, q.id, 11)!;
		const b = sessionAt(l, q.id, 12)!;
		const ackOf = (s: Session) => (expected(currentQuestion(s)!, 'ack', s.trace) as {value: number}).value;
		expect(ackOf(a)).not.toBe(ackOf(b));
		// The first attempt's number is wrong in the new run; the new run's is right.
		let old = b;
		while (currentQuestion(old)!.ask[old.field] !== 'ack') old = reduce(old, {type: 'answer', text: rightAnswer(old)});
		expect(reduce(old, {type: 'answer', text: String(ackOf(a))}).feedback?.kind).toBe('wrong');
		const done = solve(b);
		expect(answered(done)).toBe(true);
		expect(done.results[q.id]?.firstTry).toBe(true);
	});

	it('a question that is not in the lesson any more is not asked', () => {
		expect(sessionAt(l, 'no-such-question', 1)).toBeUndefined();
	});

	it('every shipped lesson ends with an interview answer the drill can show', () => {
		for (const x of lessons) expect(interviewAnswer(x), x.id).toMatch(/\.$/);
	});
});

describe('a store from the current version (0.1.0, written by its plain mode)', () => {
	const FIXTURE = new URL('../fixtures/progress/v0.1.0.json', import.meta.url).pathname;

	it('reads with nothing lost, migrates its answers into cards, and keeps everything once written', () => {
		const dir = tempDir();
		copyFileSync(FIXTURE, join(dir, 'progress.json'));
		const before = JSON.parse(readFileSync(FIXTURE, 'utf8'));
		const store = tempStore(dir);
		expect(store.notice).toBeUndefined();
		expect(store.read()).toMatchObject(before); // nothing lost, nothing rewritten at open
		expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
		store.recordAnswer('handshake-numbers', 'synack', GOOD, T0);
		const after = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
		expect(after).toMatchObject({...before, __internal__: expect.anything()});
		expect(after.lessons).toEqual(before.lessons);
		expect(after.fields).toEqual(before.fields);
		// The answer the in-progress lesson held (revealed) is a card now, graded Again, dated by the lesson.
		expect(after.review.cards['four-way-close']['response-ack'].log).toEqual([{at: before.lessons['four-way-close'].updatedAt, grade: AGAIN}]);
		expect(after.review.cards['handshake-numbers'].synack.log).toEqual([{at: T0.toISOString(), grade: GOOD}]);
	});

	it('export and import carry the cards; two stores merge their answers, each once', () => {
		const a = tempStore();
		const b = tempStore();
		a.recordAnswer('rst', 'refused', AGAIN, T0);
		b.recordAnswer('rst', 'refused', GOOD, new Date(T0.getTime() + DAY));
		b.mergeFrom(JSON.parse(JSON.stringify(a.read())));
		b.mergeFrom(JSON.parse(JSON.stringify(a.read()))); // twice: nothing doubles
		expect(b.read().review!.cards['rst']!['refused']!.log.map(x => x.grade)).toEqual([AGAIN, GOOD]);
	});

	it('an old store without review merges into a new one and keeps its answers as cards', () => {
		const dir = tempDir();
		const theirs = JSON.parse(readFileSync(FIXTURE, 'utf8'));
		const ours = tempStore(dir);
		ours.recordAnswer('rst', 'refused', GOOD, T0);
		ours.mergeFrom(theirs);
		expect(Object.keys(ours.read().review!.cards).sort()).toEqual(['four-way-close', 'rst']);
	});

	it('reset forgets a lesson\'s cards with it', () => {
		const s = tempStore();
		s.recordAnswer('rst', 'refused', GOOD, T0);
		s.recordAnswer('time-wait', 'tw-timer', GOOD, T0);
		s.reset('rst');
		expect(Object.keys(s.read().review!.cards)).toEqual(['time-wait']);
	});

	it('a hand-broken card is left out, the others kept', () => {
		const dir = tempDir();
		const data = {lessons: {}, review: {cards: {rst: {refused: {log: [{at: T0.toISOString(), grade: 3}, {at: 'yesterday', grade: 9}]}, gone: 'x'}}}};
		writeFileSync(join(dir, 'progress.json'), JSON.stringify(data));
		const s = tempStore(dir);
		expect(s.notice).toMatch(/review card "rst\/refused"/);
		expect(s.read().review!.cards['rst']!['refused']!.log).toEqual([{at: T0.toISOString(), grade: 3}]);
	});
});
