// Answers to the current field as a learner would type them: the right one, and a readable wrong one.
import {STATES} from '../../src/sim/endpoint.js';
import {type Session, currentField, currentQuestion} from '../../src/lessons/engine.js';
import {expected} from '../../src/lessons/resolve.js';

/** The right answer, written as a learner would type it. */
export function right(s: Session): string {
	const q = currentQuestion(s)!;
	const e = expected(q, currentField(s)!, s.trace);
	switch (e.field) {
		case 'flags': return e.flags.filter(f => f !== 'PSH').join('+') || 'none';
		case 'seq': case 'ack': return String(s.relative ? e.relative : e.value);
		case 'len': case 'count': case 'syn-queue': case 'accept-queue': return String(e.value);
		case 'duration': return `${e.value}s`;
		case 'timer': return e.any[0]!;
		case 'acked': return e.value ? 'yes' : 'no';
		case 'claim': return e.value ? 'true' : 'false';
		default: return e.value;
	}
}

/** A readable answer that is surely wrong. */
export function wrong(s: Session): string {
	const q = currentQuestion(s)!;
	const e = expected(q, currentField(s)!, s.trace);
	switch (e.field) {
		case 'flags': return e.flags.includes('RST') ? 'SYN' : 'RST';
		case 'seq': case 'ack': case 'len': case 'count': case 'syn-queue': case 'accept-queue': return String((s.relative ? e.relative : e.value) + 7);
		case 'duration': return `${e.value + 7}s`;
		case 'timer': return e.any.includes('none') ? 'time-wait' : 'none';
		case 'acked': return e.value ? 'no' : 'yes';
		case 'claim': return e.value ? 'false' : 'true';
		case 'sender': return e.value === 'client' ? 'server' : 'client';
		case 'state': return STATES.find(x => x !== e.value)!;
	}
}
