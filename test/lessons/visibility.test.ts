// The engine's one rule (predict, then see), tested once for every shipped lesson and several seeds:
// at every question, what `visible()` lets the views draw holds none of that question's answers.
import {describe, expect, it, test} from 'vitest';
import {
	type Session, currentBeat, currentQuestion, isDone, reduce, startSession, visible,
} from '../../src/lessons/engine.js';
import {lessonFromYaml} from '../../src/lessons/load.js';
import type {Lesson} from '../../src/lessons/schema.js';
import {type Found, SEEDS, secretsOf, shipped} from '../helpers/leaks.js';

/** Every session state at which a question waits for its first answer, in a play-through that reveals every field. */
function* questionsOf(lesson: Lesson, seed: number): Generator<Session> {
	let s = startSession(lesson, seed);
	for (let guard = 0; !isDone(s) && guard < 10_000; guard++) {
		if (currentQuestion(s) && !s.explained) {
			yield s;
			while (!s.explained) s = reduce(s, {type: 'reveal'});
		}
		s = reduce(s, {type: 'next'});
	}
}

function leaksAt(s: Session): string[] {
	const q = currentQuestion(s)!;
	const beat = currentBeat(s);
	const v = visible(s);
	const seen = new Set(v.indexes);
	const out: string[] = [];
	const secrets = secretsOf(q, s.trace);
	const indexOf = (e: unknown) => s.trace.events.indexOf(e as never);
	if (secrets.segment && seen.has(indexOf(secrets.segment))) out.push('the asked segment is visible');
	if (secrets.counted?.some(seg => seen.has(indexOf(seg)))) out.push('a counted segment is visible');
	if (secrets.segment && v.pending === undefined) out.push('the asked segment is not drawn as ?');
	if (secrets.segment) {
		// How the sender reacted to the segment before (LISTEN → SYN-RECEIVED) would tell what it sends next.
		const at = indexOf(secrets.segment);
		// Since the segment before it, or since its step began (what earlier steps showed was asked about there).
		const stepFrom = s.trace.steps[q.step]!.from;
		let cause = at - 1;
		while (cause >= stepFrom && s.trace.events[cause]!.type !== 'segment') cause--;
		const reaction = v.events.filter((e, k) => v.indexes[k]! > cause && v.indexes[k]! < at && (e.type === 'state' || e.type === 'note') && e.endpoint === secrets.segment!.from);
		if (reaction.length) out.push(`the sender's reaction is visible: ${reaction.map(e => (e.type === 'state' ? e.to : e.type === 'note' ? e.note : '')).join(', ')}`);
	}
	if (secrets.queues) {
		// A flood's outcome reads the queues: none visible since the last question on them.
		const last = s.beats.slice(0, s.pos).filter(b => b.kind === 'ask' && secretsOf(s.lesson.questions[b.question]!, s.trace).queues).at(-1)?.shown ?? 0;
		if (v.events.some((e, k) => e.type === 'flood' && v.indexes[k]! >= last)) out.push('a flood\'s queue counts are visible');
	}
	const side = q.endpoint;
	if (side && (secrets.state || secrets.timer) && beat.kind === 'ask' && beat.mask) {
		const {from} = beat.mask;
		const shownHere = v.events.filter((e, k) => v.indexes[k]! >= from && (e.type === 'state' || e.type === 'timer') && e.endpoint === side);
		if (shownHere.length) out.push(`${side}'s ${shownHere.map(e => (e.type === 'state' ? e.to : e.type === 'timer' ? e.timer : '')).join(', ')} visible in the question's moment`);
		// Rows drawn in the moment must show the side as ?; with no rows there, nothing tells whether it changed.
		const before = v.indexes.filter(i => i < from).length;
		const rows = v.indexes.length - before;
		if (rows > 0 && (v.unknown[side] === undefined || v.unknown[side]! > before)) out.push(`${side}'s state is drawn on the rows of the question's moment`);
	}
	if (side && (secrets.state || secrets.timer) && !(beat.kind === 'ask' && beat.mask)) out.push('a question about an endpoint hides nothing');
	return out;
}

describe('visible(): no answer before its question', () => {
	it.each(shipped.map(l => [l.id, l] as const))('%s', (_id, lesson) => {
		const found: Found[] = [];
		for (const seed of SEEDS) {
			for (const s of questionsOf(lesson, seed)) {
				for (const leak of leaksAt(s)) found.push({lesson: lesson.id, seed, question: currentQuestion(s)!.id, leak});
			}
		}
		expect(found).toEqual([]);
	});
});

const twoQuestions = lessonFromYaml(`
formatVersion: 1
id: visibility-test
title: Visibility
summary: Two questions on one close.
level: beginner
tags: [teardown]
minutes: 2
scenario:
  client: { isn: 1000 }
  server: { isn: 5000 }
  steps:
    - server: listen
    - client: connect
    - client: close
      id: close
    - server: close
      id: server-close
story:
  - step: close
    tcp: The client closes.
questions:
  - id: count
    step: server-close
    ask: count
    prompt: How many segments will the server's close() put on the wire?
    hints: [Its FIN, and the ACK of it.]
    explain: "{count}."
  - id: client-state
    step: server-close
    ask: state
    endpoint: client
    prompt: The client's state?
    hints: [It closed first.]
    explain: "{state}."
  - id: server-state
    step: server-close
    ask: state
    endpoint: server
    prompt: The server's state?
    hints: [It closed second.]
    explain: "{state}."
`, 'visibility-test.yaml');

describe('visible(): what a question hides, and when it shows it', () => {
	const at = (id: string) => {
		let s = startSession(twoQuestions, 1);
		while (currentQuestion(s)?.id !== id) s = currentQuestion(s) && !s.explained ? reduce(s, {type: 'reveal'}) : reduce(s, {type: 'next'});
		return s;
	};
	const states = (s: Session, side: string) => visible(s).events.flatMap(e => (e.type === 'state' && e.endpoint === side ? [e.to] : []));

	test('a count is asked before the first segment it counts', () => {
		const s = at('count');
		const step = s.trace.steps[3]!;
		expect(visible(s).indexes.every(i => i < step.to)).toBe(true);
		expect(visible(s).events.filter(e => e.type === 'segment')).toHaveLength(4); // the handshake and the client's FIN: nothing of the server's close
	});

	test('a state question hides its endpoint, and a second question at the same moment hides its own until it is asked and answered', () => {
		let s = at('client-state');
		expect(states(s, 'client')).not.toContain('TIME-WAIT');
		expect(states(s, 'server')).not.toContain('CLOSED'); // the next question's answer
		expect(visible(s).events.filter(e => e.type === 'segment')).toHaveLength(6); // the premise: the whole close is on the wire
		s = reduce(s, {type: 'answer', text: 'TIME-WAIT'});
		expect(states(s, 'client')).toContain('TIME-WAIT');
		expect(states(s, 'server')).not.toContain('CLOSED');
		s = reduce(s, {type: 'next'});
		expect(currentQuestion(s)?.id).toBe('server-state');
		expect(states(s, 'server')).not.toContain('CLOSED');
		expect(visible(s).unknown.server).toBeDefined();
		s = reduce(s, {type: 'answer', text: 'CLOSED'});
		expect(states(s, 'server')).toContain('CLOSED');
		expect(visible(s).unknown).toEqual({});
	});

	test('skip goes on to the next beat where there is something to read or answer', () => {
		let s = startSession(twoQuestions, 1);
		s = reduce(s, {type: 'skip'});
		expect(currentBeat(s).stop).toBe(true);
		expect(currentBeat(s)).toMatchObject({kind: 'story', step: 2}); // listen and connect have no story: they play on their own
		s = reduce(s, {type: 'skip'});
		expect(currentQuestion(s)?.id).toBe('count');
		expect(reduce(s, {type: 'skip'})).toBe(s); // an open question blocks
	});
});
