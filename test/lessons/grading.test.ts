// Fair grading: what a careful learner types is read as meant, through the engine as a learner meets it.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {isnsOf} from '../../src/lessons/seq-sums.js';
import {type Session, currentField, reduce, startSession} from '../../src/lessons/engine.js';
import {
	parseFlags, parseNumber, parseSeconds, parseSender, parseState, parseTimer, parseYesNo, sameFlags, toAscii,
} from '../../src/lessons/answers.js';
import {oneQuestion} from './one-question.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const lesson = (id: string) => lessons.find(l => l.id === id)!;

/** The session at question `qid`, its first `answered` fields answered with `answers`. */
function at(lessonId: string, qid: string, seed = 1, answers: readonly string[] = []): Session {
	const l = lesson(lessonId);
	const qi = l.questions.findIndex(q => q.id === qid);
	let s: Session = startSession(l, seed);
	s = {...s, pos: s.beats.findIndex(b => b.kind === 'ask' && b.question === qi)};
	for (const a of answers) s = reduce(s, {type: 'answer', text: a});
	return s;
}

/** How the engine takes `text` for the current field: correct, wrong or unreadable. */
function verdict(s: Session, text: string): string | undefined {
	return reduce(s, {type: 'answer', text}).feedback?.kind;
}

describe('full-width input (Chinese input methods) reads as ASCII', () => {
	it.each([
		['ｘ＋１', 'x+1'], ['１００１', '1001'], ['ＳＹＮ，ＡＣＫ', 'SYN,ACK'], ['ＳＹＮ、ＡＣＫ', 'SYN,ACK'], ['ＳＹＮ　ＡＣＫ', 'SYN ACK'],
		['ＴＩＭＥ＿ＷＡＩＴ', 'TIME_WAIT'], ['ｆｉｎ－ｗａｉｔ－２', 'fin-wait-2'], ['ＦＩＮ–ＷＡＩＴ–１', 'FIN-WAIT-1'], ['Ｓ。', 'S.'],
		['［Ｓ．］', '[S.]'], ['６０ｓ', '60s'], ['ｘ − １', 'x - 1'],
	])('%s → %s', (typed, ascii) => {
		expect(toAscii(typed)).toBe(ascii);
	});

	// Lesson 1 fixes x = 1000 and y = 5000: the SYN,ACK is flags SYN,ACK, ack 1001.
	it.each(['ＳＹＮ，ＡＣＫ', 'ＳＹＮ、ＡＣＫ', 'ｓｙｎ　ａｃｋ', 'ＳＹＮ＋ＡＣＫ', '［Ｓ．］', 'Ｓ。', '２'])('flags %s is right', typed => {
		expect(verdict(at('handshake-letters', 'synack'), typed)).toBe('correct');
	});

	it.each(['ｘ＋１', 'Ｘ ＋ １', '１００１', 'ｉｓｎ＋１'])('ack %s is right', typed => {
		expect(verdict(at('handshake-letters', 'synack', 1, ['SYN,ACK']), typed)).toBe('correct');
	});

	it.each(['ＥＳＴＡＢＬＩＳＨＥＤ', 'ｅｓｔａｂ', '５'])('state %s is right', typed => {
		expect(verdict(at('handshake-letters', 'server-established'), typed)).toBe('correct');
	});

	it('a full-width wrong answer is still wrong, not unreadable', () => {
		expect(verdict(at('handshake-letters', 'synack', 1, ['SYN,ACK']), '１０００')).toBe('wrong');
		expect(currentField(at('handshake-letters', 'synack', 1, ['ＳＹＮ，ＡＣＫ']))).toBe('ack');
	});
});

describe('flags as tcpdump, Wireshark and people write them', () => {
	it.each([
		['SYNACK', ['ACK', 'SYN']], ['synack', ['ACK', 'SYN']], ['FINACK', ['ACK', 'FIN']], ['ACK only', ['ACK']], ['only ACK', ['ACK']],
		['Flags [S.]', ['ACK', 'SYN']], ['[PSH, ACK]', ['ACK', 'PSH']], ['ACK,PSH', ['ACK', 'PSH']], ['P.', ['ACK', 'PSH']], ['FP.', ['ACK', 'FIN', 'PSH']],
		['SYN/ACK', ['ACK', 'SYN']], ['SYN-ACK', ['ACK', 'SYN']], ['RST,ACK', ['ACK', 'RST']], ['R', ['RST']],
	])('%s', (text, flags) => {
		expect(parseFlags(text)?.sort()).toEqual(flags);
	});

	it.each(['synackk', 'and', 'only', 'flags'])('%j says no flag: unreadable', text => {
		expect(parseFlags(text)).toBeUndefined();
	});

	// Lesson 3: the server's response (step 5, segment 1) carries 200 bytes and PSH; the request's ACK (step 3, segment 2) none.
	it.each(['ACK,PSH', 'PSH ACK', 'P.', '[P.]', 'ACK'])('on data that carries PSH, %s is right (PSH may be named, never required)', text => {
		expect(verdict(at('data-transfer', 'response'), text)).toBe('correct');
	});

	it.each(['ACK,PSH', 'P.'])('on a pure ACK, %s is wrong: PSH is not on that segment', text => {
		expect(verdict(at('data-transfer', 'request-ack'), text)).toBe('wrong');
		expect(verdict(at('data-transfer', 'request-ack'), 'ACK')).toBe('correct');
	});

	it('on data that does not end a write (no PSH, Linux tcp_push marks only the last segment), naming PSH is wrong', () => {
		expect(sameFlags(['ACK', 'PSH'], ['ACK'])).toBe(false);
		expect(sameFlags(['ACK'], ['ACK'])).toBe(true);
		expect(sameFlags(['ACK', 'URG'], ['ACK', 'PSH'])).toBe(false);
	});
});

describe('states as ss and netstat print them', () => {
	it.each([
		['SYN-RECV', 'SYN-RECEIVED'], ['SYN_RECV', 'SYN-RECEIVED'], ['SYN_RCVD', 'SYN-RECEIVED'], ['ESTAB', 'ESTABLISHED'],
		['TIME_WAIT', 'TIME-WAIT'], ['time wait', 'TIME-WAIT'], ['FIN_WAIT2', 'FIN-WAIT-2'], ['FIN-WAIT-2', 'FIN-WAIT-2'],
		['CLOSE_WAIT', 'CLOSE-WAIT'], ['LAST_ACK', 'LAST-ACK'], ['UNCONN', 'CLOSED'], ['CLOSE', 'CLOSED'], ['LISTENING', 'LISTEN'],
		['the TIME-WAIT state', 'TIME-WAIT'], ['Time-Wait state', 'TIME-WAIT'],
	])('%s → %s', (text, state) => {
		expect(parseState(text)).toBe(state);
	});

	it('"fin wait" without its number is ambiguous: unread, so the learner is asked for the state by name', () => {
		expect(parseState('fin wait')).toBeUndefined();
		expect(parseState('FIN_WAIT')).toBeUndefined();
	});
});

describe('durations', () => {
	it.each([
		['1 min', 60], ['1m', 60], ['2 mins', 120], ['60000ms', 60], ['60000 msec', 60], ['0.04', 0.04], ['.04', 0.04], ['40ms', 0.04],
		['40 ms', 0.04], ['60 sec', 60], ['60 seconds', 60], ['60 s.', 60], ['4 minutes', 240], ['200 milliseconds', 0.2],
	])('%s is %d s', (text, seconds) => {
		expect(parseSeconds(text)).toBeCloseTo(seconds, 9);
	});

	it('a duration is right within one 4 ms tick: the 204 ms RTO (TCP_RTO_MIN rounded up to the tick) may be said as 0.2 s, not as 0.3 s', () => {
		const s = at('lost-close', 'fin-lost-client', 1, ['FIN-WAIT-1', 'retransmit']);
		expect(verdict(s, '0.204')).toBe('correct');
		expect(verdict(s, '0.2 s')).toBe('correct');
		expect(verdict(s, '200ms')).toBe('correct');
		expect(verdict(s, '0.3')).toBe('wrong');
		expect(verdict(s, '0.19')).toBe('wrong');
	});

	it.each(['60 h', 'sixty', '1:00', '-1'])('%j is unreadable (no unit the timers use)', text => {
		expect(parseSeconds(text)).toBeUndefined();
	});
});

describe('numbers', () => {
	const isns = {client: 1000, server: 5000};
	it.each([
		['x+1', 1001, true], ['X + 1', 1001, true], ['x+1+100', 1101, true], ['y + 1 + 200 + 1', 5202, true], ['x+101-1', 1100, true],
		['ack 1001', 1001, false], ['ack=x+1', 1001, true], ['seq: 1001', 1001, false], ['1+100', 101, false],
	])('%s: a sum, with or without the label tcpdump prints', (text, value, absolute) => {
		expect(parseNumber(text, isns)).toEqual({value, absolute});
	});

	it('isn+1 is the ISN of the side the number belongs to', () => {
		expect(verdict(at('handshake-letters', 'synack', 1, ['SYN,ACK']), 'isn+1')).toBe('correct'); // the client's ISN: ack of its SYN
		expect(verdict(at('handshake-letters', 'third', 1, ['ACK']), 'isn+1')).toBe('correct'); // seq: the sender's own ISN
	});

	it.each(['1-2', 'ack', 'x+', 'acknowledge 1001'])('%j is unreadable', text => {
		expect(parseNumber(text, isns)).toBeUndefined();
	});
});

describe('senders, timers and yes/no', () => {
	it.each([['the client', 'client'], ['Server.', 'server'], ['The girl', 'server']])('sender %j', (text, side) => {
		expect(parseSender(text)).toBe(side);
	});
	it.each([
		['TIME_WAIT timer', 'time-wait'], ['the time-wait timer', 'time-wait'], ['retransmission timer', 'retransmit'], ['RTO', 'retransmit'],
		['delayed ACK', 'delayed-ack'], ['delayed acknowledgment', 'delayed-ack'], ['no timer', 'none'], ['FIN_WAIT2 timer', 'fin-wait-2'],
		['keepalive', 'keepalive'], ['SO_KEEPALIVE', 'keepalive'], ['the keep-alive timer', 'keepalive'],
	])('timer %j', (text, timer) => {
		expect(parseTimer(text)).toBe(timer);
	});
	it.each([['Yes.', true], ['true!', true], ['No.', false]])('yes/no %j', (text, value) => {
		expect(parseYesNo(text)).toBe(value);
	});
});

describe('x, y and relative numbers belong to the connection the segment is in', () => {
	const relative = (s: Session): Session => reduce(s, {type: 'toggle-relative'});

	// Lesson 6: the server answers two old SYNs before the real one, so its third SYN,ACK carries its third ISN.
	it.each([1, 3, 7])('lesson 6, seed %i: y+1 is the ack of the real connection\'s SYN,ACK, not of the first one the server sent', seed => {
		const s = at('why-three-handshakes', 'third-acks-y', seed, ['ACK']);
		expect(verdict(s, 'y+1')).toBe('correct');
		expect(verdict(s, String(s.trace.isn.server + 1))).toBe('wrong'); // {server.isn}: the SYN,ACK to the first old SYN
		expect(verdict(relative(s), '1')).toBe('correct');
	});

	it('lesson 6: the retransmitted SYN is x; its relative seq is 0', () => {
		const s = at('why-three-handshakes', 'retry-syn', 1, ['client', 'SYN']);
		expect(verdict(s, 'x')).toBe('correct');
		expect(verdict(relative(s), '0')).toBe('correct');
	});

	it('lesson 6: the answer to the old SYN 900 is 901 in both views (no client connection to be relative to)', () => {
		const s = at('why-three-handshakes', 'answer-old', 1, ['SYN,ACK']);
		expect(verdict(s, '901')).toBe('correct');
		expect(verdict(relative(s), '901')).toBe('correct');
		expect(verdict(relative(s), '1')).toBe('wrong');
	});

	it('lesson 6: an RST seq before x wraps in relative numbers; the absolute one is accepted and shown too', () => {
		const s = relative(at('why-three-handshakes', 'wrong-ack', 1, ['RST']));
		expect(verdict(s, '951')).toBe('correct');
		expect(verdict(s, String(951 - 1000 + 2 ** 32))).toBe('correct');
		expect(reduce(s, {type: 'reveal'}).feedback?.expected).toBe('4294967247 (951 absolute)');
	});

	it('a plain number is right in either view: tcpdump prints absolute numbers, Wireshark relative ones', () => {
		const s = at('data-transfer', 'response-ack', 3);
		for (const view of [s, relative(s)]) {
			expect(verdict(view, 'y+201')).toBe('correct');
			expect(verdict(view, '201')).toBe('correct');
			expect(verdict(view, String(s.trace.isn.server + 201))).toBe('correct');
			expect(verdict(view, '202')).toBe('wrong');
		}
	});

	it('in a lesson\'s second connection, x+1 counts from that connection\'s ISN', () => {
		const l = oneQuestion(`  steps:
    - server: listen
    - client: connect
    - client: abort
    - server: listen
    - client: connect
      id: again`, `  - id: second-synack
    step: again
    segment: 2
    ask: ack
    prompt: The second SYN,ACK's ack?
    hints: [x+1]
    explain: "{ack}"`);
		let s = startSession(l, 5);
		s = {...s, pos: s.beats.findIndex(b => b.kind === 'ask')};
		const [first, second] = isnsOf(s.trace).client;
		expect(first).toBe(s.trace.isn.client);
		expect(verdict(s, 'x+1')).toBe('correct');
		expect(verdict(s, String(second! + 1))).toBe('correct');
		expect(verdict(s, String(first! + 1))).toBe('wrong');
		expect(verdict(relative(s), '1')).toBe('correct');
	});
});
