// A question asked again (review, drill) in a lesson whose scenario fixes its ISNs: new ISNs from the
// seed where the scenario behaves the same with them, so the numbers must be worked out again, and
// the fixed ones where its behaviour or its text depends on them. Engine level, no ink.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {type Session, currentQuestion, explanation, reduce, startSession} from '../../src/lessons/engine.js';
import {expected} from '../../src/lessons/resolve.js';
import type {Field, Lesson} from '../../src/lessons/schema.js';
import {interviewAnswer, sessionAt} from '../../src/review/ask.js';
import {withFreshIsns} from '../../src/review/fresh-isns.js';
import {scenarioFromYaml} from '../../src/sim/load.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const lesson = (id: string) => lessons.find(l => l.id === id)!;
const SEEDS = [1, 2, 3, 7, 42, 1234, 99999];

/** The current question's expected number for `field` in this session's run. */
const numberOf = (s: Session, field: Field) => (expected(currentQuestion(s)!, field, s.trace) as {value: number}).value;

/** The session moved on to `field` of its question, every field before it answered right. */
function upTo(s: Session, field: Field): Session {
	let n = s;
	for (;;) {
		const q = currentQuestion(n)!;
		const f = q.ask[n.field]!;
		if (f === field) return n;
		const e = expected(q, f, n.trace) as {value?: unknown; flags?: string[]};
		n = reduce(n, {type: 'answer', text: e.flags ? e.flags.join(',') : String(e.value)});
	}
}

/** The lesson played from its start to question `id`, as the learner met it in the lesson. */
function inLesson(l: Lesson, id: string, seed: number): Session {
	let s = startSession(l, seed);
	while (currentQuestion(s)?.id !== id) {
		while (currentQuestion(s) && !s.explained) s = reduce(s, {type: 'reveal'});
		s = reduce(s, {type: 'next'});
	}
	return s;
}

describe('lesson 01 (client ISN 1000, server ISN 5000) asked again in review', () => {
	const l = lesson('handshake-letters');

	it.each(SEEDS)('seed %i: the SYN,ACK\'s ack differs from the lesson\'s 1001, the new one is right and 1001 is wrong', seed => {
		const lessonRun = inLesson(l, 'synack', seed);
		expect(lessonRun.trace.isn).toEqual({client: 1000, server: 5000}); // the lesson itself keeps its numbers
		expect(numberOf(upTo(lessonRun, 'ack'), 'ack')).toBe(1001);

		const review = sessionAt(l, 'synack', seed)!;
		expect(currentQuestion(review)?.id).toBe('synack');
		const ack = numberOf(upTo(review, 'ack'), 'ack');
		expect(review.trace.isn.client).not.toBe(1000);
		expect(ack).toBe((review.trace.isn.client + 1) >>> 0);
		expect(ack).not.toBe(1001);
		const atAck = upTo(review, 'ack');
		expect(reduce(atAck, {type: 'answer', text: '1001'}).feedback?.kind).toBe('wrong');
		const solved = reduce(atAck, {type: 'answer', text: String(ack)});
		expect(solved.feedback?.kind).toBe('correct');
		expect(solved.results['synack']?.firstTry).toBe(true);
		expect(explanation(solved)).toContain(`ack = ${ack}`); // the text's {placeholders} follow the new run
	});

	it('the third segment\'s seq and ack are new as well, and still checked by the trace', () => {
		const review = sessionAt(l, 'third', 11)!;
		const {client: x, server: y} = review.trace.isn;
		expect([x, y]).not.toContain(1000);
		expect([x, y]).not.toContain(5000);
		const atSeq = upTo(review, 'seq');
		expect(numberOf(atSeq, 'seq')).toBe((x + 1) >>> 0);
		expect(reduce(atSeq, {type: 'answer', text: '1001'}).feedback?.kind).toBe('wrong');
		const atAck = upTo(reduce(atSeq, {type: 'answer', text: 'x+1'}), 'ack');
		expect(numberOf(atAck, 'ack')).toBe((y + 1) >>> 0);
		expect(reduce(atAck, {type: 'answer', text: '5001'}).feedback?.kind).toBe('wrong');
		expect(reduce(atAck, {type: 'answer', text: String((y + 1) >>> 0)}).explained).toBe(true);
	});

	it('in the drill its model answer states 1000 and 5000: there the fixed numbers stay', () => {
		const model = interviewAnswer(l)!;
		expect(model).toContain('1000');
		for (const seed of SEEDS) expect(sessionAt(l, 'synack', seed, undefined, [model])!.trace.isn).toEqual({client: 1000, server: 5000});
	});
});

describe('a scenario whose behaviour depends on its ISN keeps it', () => {
	it.each([
		['syn-on-established', 'exact-answer', 'a SYN injected at exactly x+101'],
		['why-three-handshakes', 'wrong-ack', 'old duplicate SYNs with seq 900 and 950, below the ISN 1000'],
	])('%s (%s): %s', (id, question, _why) => {
		const l = lesson(id);
		for (const seed of SEEDS) {
			expect(withFreshIsns(l, question, seed)).toBe(l);
			expect(sessionAt(l, question, seed)!.trace.isn.client).toBe(1000);
		}
	});

	/** An RST at exactly the client's RCV.NXT (the server's ISN + 1) closes it; with another server ISN it would miss the window. */
	const exactRst = (explain: string): Lesson => ({
		...lesson('handshake-letters'), id: 'exact-rst', story: [], outro: '',
		scenario: scenarioFromYaml(`client: { isn: 1000 }
server: { isn: 5000 }
steps:
  - server: listen
  - client: connect
  - inject: { from: server, flags: [RST], seq: 5001 }
`, 'exact-rst.yaml'),
		questions: [{id: 'after-rst', step: 2, ask: ['state'], endpoint: 'client', prompt: 'Which state is the client in after this RST?',
			hints: ['Is its seq the one the client expects next?'], explain, line: undefined}],
	});

	it('an injected RST whose seq is written against the server\'s ISN', () => {
		const l = exactRst('{state}.');
		for (const seed of SEEDS) {
			expect(withFreshIsns(l, 'after-rst', seed)).toBe(l);
			const s = sessionAt(l, 'after-rst', seed)!;
			expect(s.trace.isn).toEqual({client: 1000, server: 5000});
			expect(expected(currentQuestion(s)!, 'state', s.trace)).toMatchObject({value: 'CLOSED'});
		}
	});

	it('the same scenario without the RST gets new ISNs, unless its text states one of their numbers', () => {
		const base = exactRst('{state}.');
		const quiet: Lesson = {...base, scenario: {...base.scenario, steps: base.scenario.steps.slice(0, 2)}, questions: [{...base.questions[0]!, step: 1, prompt: 'Which state is the client in now?'}]};
		const fresh = withFreshIsns(quiet, 'after-rst', 7);
		expect(fresh).not.toBe(quiet);
		expect(fresh.scenario.client.isn).toBeUndefined();
		expect(fresh.scenario.server.isn).toBeUndefined();
		const told: Lesson = {...quiet, questions: [{...quiet.questions[0]!, explain: 'ESTABLISHED: the SYN,ACK carried ack 1001.'}]};
		expect(withFreshIsns(told, 'after-rst', 7)).toBe(told);
	});
});

describe('every shipped lesson, asked question by question in new runs', () => {
	it('fixed ISNs are replaced only where the run behaves the same, and every question stays answerable', () => {
		const fresh = new Set<string>();
		for (const l of lessons.filter(x => x.scenario.client.isn !== undefined || x.scenario.server.isn !== undefined)) {
			for (const q of l.questions) for (const seed of [3, 5]) {
				const s = sessionAt(l, q.id, seed)!;
				expect(s, `${l.id}/${q.id}`).toBeDefined();
				if (s.trace.isn.client !== l.scenario.client.isn) fresh.add(l.id);
			}
		}
		// Lessons 06 and 23 need their ISNs; the others' numbers are worked out anew.
		expect([...fresh].sort()).toEqual(['dead-peer', 'handshake-letters', 'lost-close', 'syn-cookies', 'time-wait-in-depth', 'two-queues']);
	});
});
