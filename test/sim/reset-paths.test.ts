// RSTs: arriving in each synchronized state (RFC 9293 3.10.7.4 second check, RFC 5961 3.2), and the half-open
// connection after a crash (RFC 9293 3.5.2).
import {describe, expect, it} from 'vitest';
import {
	type Host, type Out, changes, closeWait, closing, established, finWait1, finWait2, lastAck, out, recv, seg, synReceived, timeWait,
} from './fixtures.js';
import {calls, from, playSteps, states, wire} from './play.js';

type Row = {
	readonly state: string;
	readonly make: () => Host;
	/** RCV.NXT: the only sequence number an RST may carry to be obeyed. */
	readonly rcvNxt: number;
	readonly after: string;
	/** What an in-window RST that is not exact draws out: a challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT>, or nothing. */
	readonly challenge: Out[];
};

const ROWS: Row[] = [
	{state: 'SYN-RECEIVED', make: synReceived, rcvNxt: 1001, after: 'LISTEN', challenge: [out.ack(5001, 1001)]},
	{state: 'ESTABLISHED', make: established, rcvNxt: 5001, after: 'CLOSED', challenge: [out.ack(1001, 5001)]},
	{state: 'FIN-WAIT-1', make: finWait1, rcvNxt: 5001, after: 'CLOSED', challenge: [out.ack(1002, 5001)]},
	{state: 'FIN-WAIT-2', make: finWait2, rcvNxt: 5001, after: 'CLOSED', challenge: [out.ack(1002, 5001)]},
	{state: 'CLOSE-WAIT', make: closeWait, rcvNxt: 1002, after: 'CLOSED', challenge: [out.ack(5001, 1002)]},
	{state: 'CLOSING', make: closing, rcvNxt: 5002, after: 'CLOSED', challenge: [out.ack(1002, 5002)]},
	{state: 'LAST-ACK', make: lastAck, rcvNxt: 1002, after: 'CLOSED', challenge: [out.ack(5002, 1002)]},
	// Linux tcp_timewait_state_process: only an exact RST matters; any other is dropped without an answer.
	{state: 'TIME-WAIT', make: timeWait, rcvNxt: 5002, after: 'CLOSED', challenge: []},
];

describe.each(ROWS)('an RST in $state', row => {
	it(`at SEG.SEQ = RCV.NXT → ${row.after}, nothing sent`, () => {
		const h = row.make();
		expect(recv(h, seg({seq: row.rcvNxt, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual([`${row.state} → ${row.after} (recv RST)`]);
	});

	it('in the window but not exact → challenge ACK, state kept', () => {
		const h = row.make();
		expect(recv(h, seg({seq: row.rcvNxt + 1000, ctl: 'RST'}))).toEqual(row.challenge);
		expect(h.tcb.state).toBe(row.state);
	});

	it.each([
		['below the window', -1],
		['beyond the window', 65_535],
	])('%s → dropped silently', (_, offset) => {
		const h = row.make();
		expect(recv(h, seg({seq: (row.rcvNxt + offset) >>> 0, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe(row.state);
	});
});

describe('an RST injected into an established connection', () => {
	const open = ['server: listen', 'client: connect'];
	const rst = (seq: number) => `inject: { from: server, flags: [RST], seq: ${seq} }`;

	it('exact: the client is reset', () => {
		const t = playSteps([...open, rst(5001), 'client: read']);
		expect(wire(from(t, 2))).toEqual(['0s S→C RST seq=5001']);
		expect(states(from(t, 2))).toEqual(['0s client ESTABLISHED→CLOSED (recv RST)']);
		expect(calls(t.events, 'client').at(-1)).toBe('read → ECONNRESET');
	});

	it('in the window: a challenge ACK, which the real server takes as a duplicate ACK', () => {
		const t = playSteps([...open, rst(6000)]);
		expect(wire(from(t, 2))).toEqual(['0s S→C RST seq=6000', '0s C→S ACK seq=1001 ack=5001']);
		expect(t.steps.at(-1)!.states).toEqual({client: 'ESTABLISHED', server: 'ESTABLISHED'});
	});

	it('outside the window: nothing at all', () => {
		const t = playSteps([...open, rst(5001 + 70_000)]);
		expect(wire(from(t, 2))).toEqual(['0s S→C RST seq=75001']);
		expect(states(from(t, 2))).toEqual([]);
	});
});

describe('half-open: the server crashed', () => {
	const t = playSteps(['server: listen', 'client: connect', 'server: crash', 'client: send 100', 'client: read']);

	it('the crash sends nothing', () => {
		expect(wire(from(t, 2).slice(0, t.steps[2]!.to - t.steps[2]!.from))).toEqual([]);
		// The reboot takes the listener with it too.
		expect(states(from(t, 2), 'server')).toEqual(['0s server ESTABLISHED→CLOSED (crash)', '0s server LISTEN→CLOSED (crash)']);
	});

	it('the client\'s next segment draws RST <SEQ=SEG.ACK>; the client is reset', () => {
		expect(wire(from(t, 3))).toEqual(['0s C→S ACK,PSH seq=1001 ack=5001 len=100', '0s S→C RST seq=5001']);
		expect(states(from(t, 3), 'client')).toEqual(['0s client ESTABLISHED→CLOSED (recv RST)']);
		expect(calls(t.events, 'client').at(-1)).toBe('read → ECONNRESET');
	});
});
