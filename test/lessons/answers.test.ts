// Forgiving answers: each row is input → what it means (table-driven, after sindresorhus' tests).
import {describe, expect, it} from 'vitest';
import {parseFlags, parseNumber, parseSeconds, parseSender, parseState, parseTimer, parseYesNo, sameFlags} from '../../src/lessons/answers.js';

describe('flags', () => {
	it.each([
		['syn ack', ['ACK', 'SYN']], ['SYN+ACK', ['ACK', 'SYN']], ['syn,ack', ['ACK', 'SYN']], ['SA', ['ACK', 'SYN']],
		['[S.]', ['ACK', 'SYN']], ['ack', ['ACK']], ['.', ['ACK']], ['FIN, ACK', ['ACK', 'FIN']], ['F.', ['ACK', 'FIN']],
		['rst', ['RST']], ['reset', ['RST']], ['R.', ['ACK', 'RST']], ['P.', ['ACK', 'PSH']], ['syn and ack', ['ACK', 'SYN']], ['none', []],
	])('%s', (text, flags) => {
		expect(parseFlags(text)?.sort()).toEqual(flags);
	});
	it.each(['', 'hello', 'syn maybe', '42'])('%j is not readable', text => {
		expect(parseFlags(text)).toBeUndefined();
	});
	it('ignores PSH when comparing: a data segment is "ACK"', () => {
		expect(sameFlags(['ACK'], ['ACK', 'PSH'])).toBe(true);
		expect(sameFlags(['ACK'], ['ACK', 'FIN'])).toBe(false);
	});
});

describe('states', () => {
	it.each([
		['fin-wait-1', 'FIN-WAIT-1'], ['FIN_WAIT1', 'FIN-WAIT-1'], ['finwait1', 'FIN-WAIT-1'], ['Fin Wait 2', 'FIN-WAIT-2'],
		['SYN_RECV', 'SYN-RECEIVED'], ['syn-received', 'SYN-RECEIVED'], ['estab', 'ESTABLISHED'], ['time_wait', 'TIME-WAIT'],
		['close-wait', 'CLOSE-WAIT'], ['closed', 'CLOSED'], ['LAST_ACK', 'LAST-ACK'], ['closing', 'CLOSING'],
	])('%s → %s', (text, state) => {
		expect(parseState(text)).toBe(state);
	});
	it.each(['fin-wait-3', 'open', ''])('%j is not a state', text => {
		expect(parseState(text)).toBeUndefined();
	});
});

describe('numbers', () => {
	const isns = {client: 1000, server: 4294967290};
	it.each([
		['1001', 1001, false], [' 42 ', 42, false], ['x+1', 1001, true], ['X + 101', 1101, true], ['y+1', 4294967291, true],
		['y+10', 4, true], ['x', 1000, true], ['client.isn+1', 1001, true], ['server isn', 4294967290, true],
	])('%s', (text, value, absolute) => {
		expect(parseNumber(text, isns)).toEqual({value, absolute});
	});
	it('reads "isn+1" as the ISN of the side named', () => {
		expect(parseNumber('isn+1', isns, 'server')?.value).toBe(4294967291);
		expect(parseNumber('isn+1', isns)).toBeUndefined();
	});
	it.each(['-1', '1e3', 'z+1', 'x*2', ''])('%j is not readable', text => {
		expect(parseNumber(text, isns)).toBeUndefined();
	});
});

describe('other fields', () => {
	it.each([['client', 'client'], ['Boy', 'client'], ['girl', 'server'], ['S', 'server'], ['nobody', 'nobody']])('sender %s', (t, v) => {
		expect(parseSender(t)).toBe(v);
	});
	it.each([['TIME_WAIT', 'time-wait'], ['2MSL', 'time-wait'], ['rto', 'retransmit'], ['delack', 'delayed-ack'], ['tcp_fin_timeout', 'fin-wait-2'], ['none', 'none']])('timer %s', (t, v) => {
		expect(parseTimer(t)).toBe(v);
	});
	it.each([['60', 60], ['60s', 60], ['1m', 60], ['200ms', 0.2], ['2 min', 120], ['4 minutes', 240]])('seconds %s', (t, v) => {
		expect(parseSeconds(t)).toBeCloseTo(v);
	});
	it.each([['yes', true], ['T', true], ['false', false], ['myth', false], ['maybe', undefined]])('yes/no %s', (t, v) => {
		expect(parseYesNo(t)).toBe(v);
	});
});
