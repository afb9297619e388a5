// Every transition of the RFC 9293 state diagram (Figure 5), each driven by a scenario: the trace must show it
// on the right endpoint with the right cause.
import {describe, expect, it} from 'vitest';
import type {StateEvent} from '../../src/sim/trace.js';
import {playSteps} from './play.js';

type Expect = {readonly side: 'client' | 'server'; readonly from: string; readonly to: string; readonly cause: string};
type Row = {readonly name: string; readonly steps: readonly string[]; readonly expect: readonly Expect[]};

const open = ['server: listen', 'client: connect'];
const together = (a: string, b: string) => `together: [ { client: ${a} }, { server: ${b} } ]`;
const c = (from: string, to: string, cause: string): Expect => ({side: 'client', from, to, cause});
const s = (from: string, to: string, cause: string): Expect => ({side: 'server', from, to, cause});

const ROWS: Row[] = [
	{name: 'CLOSED → LISTEN: passive OPEN', steps: ['server: listen'], expect: [s('CLOSED', 'LISTEN', 'listen')]},
	{name: 'CLOSED → SYN-SENT: active OPEN, snd SYN', steps: open, expect: [c('CLOSED', 'SYN-SENT', 'connect')]},
	{name: 'LISTEN → SYN-RECEIVED: rcv SYN, snd SYN,ACK', steps: open, expect: [s('LISTEN', 'SYN-RECEIVED', 'recv SYN')]},
	{name: 'LISTEN → CLOSED: CLOSE', steps: ['server: listen', 'server: close'], expect: [s('LISTEN', 'CLOSED', 'close')]},
	{name: 'SYN-SENT → ESTABLISHED: rcv SYN,ACK, snd ACK', steps: open, expect: [c('SYN-SENT', 'ESTABLISHED', 'recv SYN,ACK')]},
	{name: 'SYN-SENT → SYN-RECEIVED: rcv SYN (simultaneous open)', steps: [together('connect', 'connect')],
		expect: [c('SYN-SENT', 'SYN-RECEIVED', 'recv SYN')]},
	{name: 'SYN-SENT → CLOSED: CLOSE', steps: ['drop: { from: client }', 'client: connect', 'client: close'],
		expect: [c('SYN-SENT', 'CLOSED', 'close')]},
	{name: 'SYN-RECEIVED → ESTABLISHED: rcv ACK of SYN', steps: open, expect: [s('SYN-RECEIVED', 'ESTABLISHED', 'recv ACK')]},
	{name: 'SYN-RECEIVED → FIN-WAIT-1: CLOSE, snd FIN',
		steps: ['drop: { flags: [SYN, ACK], count: 2 }', together('connect', 'connect'), 'client: close'],
		expect: [c('SYN-RECEIVED', 'FIN-WAIT-1', 'close')]},
	{name: 'SYN-RECEIVED → LISTEN: rcv RST', steps: ['server: listen', 'inject: { from: client, flags: [SYN], seq: 900 }'],
		expect: [s('SYN-RECEIVED', 'LISTEN', 'recv RST')]},
	{name: 'ESTABLISHED → FIN-WAIT-1: CLOSE, snd FIN', steps: [...open, 'client: close'], expect: [c('ESTABLISHED', 'FIN-WAIT-1', 'close')]},
	{name: 'ESTABLISHED → CLOSE-WAIT: rcv FIN, snd ACK', steps: [...open, 'client: close'], expect: [s('ESTABLISHED', 'CLOSE-WAIT', 'recv FIN')]},
	{name: 'FIN-WAIT-1 → FIN-WAIT-2: rcv ACK of FIN', steps: [...open, 'client: close', 'wait: 1s'],
		expect: [c('FIN-WAIT-1', 'FIN-WAIT-2', 'recv ACK of FIN')]},
	{name: 'FIN-WAIT-1 → CLOSING: rcv FIN, snd ACK', steps: [...open, together('close', 'close')],
		expect: [c('FIN-WAIT-1', 'CLOSING', 'recv FIN')]},
	// RFC 9293 3.10.7.4 (eighth, FIN-WAIT-1: "our FIN has been ACKed (perhaps in this segment) → TIME-WAIT"); Linux
	// passes through FIN-WAIT-2 while handling that one segment, and so does the simulator.
	{name: 'FIN-WAIT-1 → TIME-WAIT: rcv FIN,ACK that ACKs our FIN', steps: [...open, 'client: close', 'server: close'],
		expect: [c('FIN-WAIT-1', 'FIN-WAIT-2', 'recv ACK of FIN'), c('FIN-WAIT-2', 'TIME-WAIT', 'recv FIN')]},
	{name: 'FIN-WAIT-2 → TIME-WAIT: rcv FIN, snd ACK', steps: [...open, 'client: close', 'wait: 1s', 'server: close'],
		expect: [c('FIN-WAIT-2', 'TIME-WAIT', 'recv FIN')]},
	{name: 'CLOSING → TIME-WAIT: rcv ACK of FIN', steps: [...open, together('close', 'close')],
		expect: [c('CLOSING', 'TIME-WAIT', 'recv ACK of FIN')]},
	{name: 'CLOSE-WAIT → LAST-ACK: CLOSE, snd FIN', steps: [...open, 'client: close', 'server: close'],
		expect: [s('CLOSE-WAIT', 'LAST-ACK', 'close')]},
	{name: 'LAST-ACK → CLOSED: rcv ACK of FIN', steps: [...open, 'client: close', 'server: close'],
		expect: [s('LAST-ACK', 'CLOSED', 'recv ACK of FIN')]},
	{name: 'TIME-WAIT → CLOSED: timeout = 2 MSL', steps: [...open, 'client: close', 'server: close', 'wait: 61s'],
		expect: [c('TIME-WAIT', 'CLOSED', 'timer time-wait')]},
];

/** Figure 5's arrows (the SEND arrow LISTEN → SYN-SENT apart, see the todo below). */
const FIGURE_5 = [
	'CLOSED→LISTEN', 'CLOSED→SYN-SENT', 'LISTEN→SYN-RECEIVED', 'LISTEN→CLOSED', 'SYN-SENT→ESTABLISHED', 'SYN-SENT→SYN-RECEIVED',
	'SYN-SENT→CLOSED', 'SYN-RECEIVED→ESTABLISHED', 'SYN-RECEIVED→FIN-WAIT-1', 'SYN-RECEIVED→LISTEN', 'ESTABLISHED→FIN-WAIT-1',
	'ESTABLISHED→CLOSE-WAIT', 'FIN-WAIT-1→FIN-WAIT-2', 'FIN-WAIT-1→CLOSING', 'FIN-WAIT-1→TIME-WAIT', 'FIN-WAIT-2→TIME-WAIT',
	'CLOSING→TIME-WAIT', 'CLOSE-WAIT→LAST-ACK', 'LAST-ACK→CLOSED', 'TIME-WAIT→CLOSED',
];

describe('RFC 9293 Figure 5', () => {
	it('the table has one row per arrow', () => {
		const arrows = ROWS.map(r => r.name.split(':')[0]!.replace(/ → /, '→'));
		expect(arrows.sort()).toEqual([...FIGURE_5].sort());
	});

	it.each(ROWS)('$name', row => {
		const events = playSteps(row.steps).events.filter((e): e is StateEvent => e.type === 'state');
		const mine = events.filter(e => e.endpoint === row.expect[0]!.side);
		const at = mine.findIndex(e => e.from === row.expect[0]!.from && e.to === row.expect[0]!.to);
		expect(at, `no ${row.expect[0]!.from} → ${row.expect[0]!.to} on the ${row.expect[0]!.side}`).toBeGreaterThanOrEqual(0);
		// The expected changes follow each other at one instant, each with its cause.
		const got = mine.slice(at, at + row.expect.length);
		expect(got.map(e => ({side: e.endpoint, from: e.from, to: e.to, cause: e.cause}))).toEqual(row.expect);
		expect(new Set(got.map(e => e.t)).size).toBe(1);
	});

	it.todo('LISTEN → SYN-SENT on SEND (Figure 5): not modelled; a Linux listener cannot send(), and calls.ts returns EPIPE');
	it.todo('FIN-WAIT-1 → TIME-WAIT in one step for the textbook profile? RFC 9293 3.10.7.4 reads as one step; Linux and the simulator pass through FIN-WAIT-2');
});
