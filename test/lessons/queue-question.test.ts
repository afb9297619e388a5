// A lesson may ask the lengths of the listener's two queues (ask: queue = syn-queue, then accept-queue),
// answered from the simulator's sockets: three clients against listen(backlog=1), nobody accepts, the
// second client's handshake ACK is lost (as in the accept-queue-overflow capture).
import {describe, expect, it} from 'vitest';
import {currentField, currentQuestion, explanation, reduce, startSession, visible} from '../../src/lessons/engine.js';
import {expected, unanswerable} from '../../src/lessons/resolve.js';
import {oneQuestion} from './one-question.js';

const SCENARIO = `  server: { backlog: 1 }
  steps:
    - server: listen
    - client A: connect
    - drop: { from: client C, flags: [ACK], count: 1 }
    - client C: connect
    - client B: connect
      id: third`;

const lesson = (ask: string) => oneQuestion(SCENARIO, `  - id: queues
    step: third
    ask: ${ask}
    prompt: How many connections wait in each queue?
    hints: [Nobody called accept().]
    explain: "{syn-queue} half-open, {accept-queue} waiting for accept()."`);

describe('a lesson can ask the listener\'s queue lengths', () => {
	it('ask: queue asks the SYN queue, then the accept queue, each answered from the trace', () => {
		const l = lesson('queue');
		expect(l.questions[0]!.ask).toEqual(['syn-queue', 'accept-queue']);
		let s = startSession(l, 1);
		while (!currentQuestion(s)) s = reduce(s, {type: 'next'});
		// A and B fill the accept queue (backlog + 1 = 2); C's lost ACK leaves its request in the SYN queue.
		// (Had C connected after B, the full accept queue would have dropped its SYN: 0 and 2.)
		expect(expected(l.questions[0]!, 'syn-queue', s.trace)).toMatchObject({value: 1});
		expect(expected(l.questions[0]!, 'accept-queue', s.trace)).toMatchObject({value: 2});
		expect(currentField(s)).toBe('syn-queue');
		s = reduce(s, {type: 'answer', text: '2'});
		expect(s.feedback?.kind).toBe('wrong');
		s = reduce(s, {type: 'answer', text: '1'});
		expect(s.feedback?.kind).toBe('correct');
		s = reduce(s, {type: 'answer', text: '２'}); // full-width digits count too
		expect(s.feedback?.kind).toBe('correct');
		expect(explanation(s)).toBe('1 half-open, 2 waiting for accept().');
	});

	it('hides the server\'s changes in its moment until answered (SYN-RECEIVED would tell the SYN queue)', () => {
		let s = startSession(lesson('queue'), 1);
		while (!currentQuestion(s)) s = reduce(s, {type: 'next'});
		const v = visible(s);
		const third = s.trace.steps[4]!;
		const serverChanges = v.indexes.filter(i => i >= third.from && s.trace.events[i]!.type === 'state' && (s.trace.events[i] as {endpoint: string}).endpoint === 'server');
		expect(serverChanges).toEqual([]);
		expect(v.unknown.server).toBeDefined();
	});

	it('a position with no listener has no queues to ask: check reports it', () => {
		const l = oneQuestion('  steps:\n    - client: connect\n      id: third', `  - id: queues
    step: third
    ask: accept-queue
    prompt: How many?
    hints: [None.]
    explain: None.`);
		expect(unanswerable(l.questions[0]!, startSession(l, 1).trace)?.reason).toMatch(/no listener/);
	});
});
