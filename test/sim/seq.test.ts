// 32-bit sequence numbers (RFC 9293 3.4): comparisons modulo 2^32, and whole connections across the wrap.
import {describe, expect, it} from 'vitest';
import {seqAdd, seqDiff, seqGe, seqGt, seqInWindow, seqLe, seqLt, seqRelative} from '../../src/sim/seq.js';
import {changes, established, out, recv, seg} from './fixtures.js';
import {from, playSteps, states, wire} from './play.js';

const TOP = 2 ** 32 - 1; // 4294967295

describe('sequence arithmetic', () => {
	it.each([
		[TOP, 1, 0], [4294967290, 100, 94], [0, -1, TOP], [5, 2 ** 32, 5], [123, 0, 123],
	])('seqAdd(%d, %d) = %d', (a, n, sum) => expect(seqAdd(a, n)).toBe(sum));

	it.each([
		[0, TOP, 1], [TOP, 0, -1], [94, 4294967290, 100], [1000, 1000, 0], [2 ** 31 - 1, 0, 2 ** 31 - 1],
	])('seqDiff(%d, %d) = %d', (a, b, d) => expect(seqDiff(a, b)).toBe(d));

	it.each([
		// a, b, a<b, a<=b, a>b, a>=b
		[TOP, 0, true, true, false, false],
		[0, TOP, false, false, true, true],
		[4294967290, 5, true, true, false, false],
		[7, 7, false, true, false, true],
		[100, 200, true, true, false, false],
	])('%d against %d: lt %s, le %s, gt %s, ge %s', (a, b, lt, le, gt, ge) => {
		expect([seqLt(a, b), seqLe(a, b), seqGt(a, b), seqGe(a, b)]).toEqual([lt, le, gt, ge]);
	});

	it.each([
		[4294967290, 4294967290, 10, true], [TOP, 4294967290, 10, true], [0, 4294967290, 10, true], [9, 4294967290, 10, true],
		[10, 4294967290, 10, false], [4294967289, 4294967290, 10, false],
	])('seqInWindow(%d, %d, %d) = %s', (x, lo, hi, inside) => expect(seqInWindow(x, lo, hi)).toBe(inside));

	it.each([[4294967290, 4294967290, 0], [5, 4294967290, 11], [1000, 999, 1]])('seqRelative(%d, base %d) = %d', (x, base, rel) => {
		expect(seqRelative(x, base)).toBe(rel);
	});
});

describe('a connection across the wrap (client ISN 4294967290, server ISN 4294967295)', () => {
	const header = ['client: { isn: 4294967290 }', 'server: { isn: 4294967295 }'];
	const talk = ['server: listen', 'client: connect', 'client: send 100', 'server: read', 'server: send 3000', 'client: read',
		'client: close', 'server: close', 'wait: 61s'];
	const t = playSteps(talk, header);

	it('every seq and ack wraps through 0', () => {
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=4294967290',
			'0s S→C ACK,SYN seq=4294967295 ack=4294967291',
			'0s C→S ACK seq=4294967291 ack=0',
			'0s C→S ACK,PSH seq=4294967291 ack=0 len=100',
			'0s S→C ACK seq=0 ack=95',
			'0s S→C ACK seq=0 ack=95 len=1460',
			'0s S→C ACK seq=1460 ack=95 len=1460',
			'0s S→C ACK,PSH seq=2920 ack=95 len=80',
			'0s C→S ACK seq=95 ack=1460',
			'0s C→S ACK seq=95 ack=2920',
			'0s C→S ACK seq=95 ack=3000',
			'0s C→S ACK,FIN seq=95 ack=3000',
			'0s S→C ACK,FIN seq=3000 ack=96',
			'0s C→S ACK seq=96 ack=3001',
		]);
	});

	it('relative numbers count from each ISN as Wireshark does', () => {
		const rel = t.events.flatMap(e => (e.type === 'segment' ? [[e.rel.seq, e.rel.ack]] : []));
		expect(rel.slice(3, 5)).toEqual([[1, 1], [1, 101]]);
		expect(rel.at(-1)).toEqual([102, 3002]);
	});

	it('the connection opens and closes normally', () => {
		expect(states(t.events)).toEqual([
			'0s server CLOSED→LISTEN (listen)', '0s client CLOSED→SYN-SENT (connect)', '0s server LISTEN→SYN-RECEIVED (recv SYN)',
			'0s client SYN-SENT→ESTABLISHED (recv SYN,ACK)', '0s server SYN-RECEIVED→ESTABLISHED (recv ACK)',
			'0s client ESTABLISHED→FIN-WAIT-1 (close)', '0s server ESTABLISHED→CLOSE-WAIT (recv FIN)', '0s server CLOSE-WAIT→LAST-ACK (close)',
			'0s client FIN-WAIT-1→FIN-WAIT-2 (recv ACK of FIN)', '0s client FIN-WAIT-2→TIME-WAIT (recv FIN)',
			'0s server LAST-ACK→CLOSED (recv ACK of FIN)', '60s client TIME-WAIT→CLOSED (timer time-wait)',
		]);
	});

	it('a lost segment is retransmitted with the same wrapped seq', () => {
		const lost = playSteps(['server: listen', 'client: connect', 'drop: { from: client, flags: [PSH] }', 'client: send 100', 'wait: 1s'], header);
		expect(wire(from(lost, 3))).toEqual([
			'0s C→S ACK,PSH seq=4294967291 ack=0 len=100 dropped',
			'0.204s C→S ACK,PSH seq=4294967291 ack=0 len=100',
			'0.204s S→C ACK seq=0 ack=95',
		]);
	});

	it('out-of-order data across the wrap is kept and then acknowledged in one ACK', () => {
		const ooo = playSteps(['server: listen', 'client: connect', 'reorder: { from: client }', 'client: send 3000'], header);
		expect(wire(from(ooo, 3))).toEqual([
			'0s C→S ACK seq=4294967291 ack=0 len=1460',
			'0s C→S ACK seq=1455 ack=0 len=1460',
			'0s C→S ACK,PSH seq=2915 ack=0 len=80',
			'0s S→C ACK seq=0 ack=4294967291',
			'0s S→C ACK seq=0 ack=2915',
			'0s S→C ACK seq=0 ack=2995',
		]);
	});
});

describe('the receive window across the wrap (RCV.NXT = 4294967290)', () => {
	/** A client whose peer's ISN is 4294967289, so RCV.NXT sits 6 below the wrap. */
	function nearTop() {
		const h = established();
		h.tcb.irs = 4294967289;
		h.tcb.rcvNxt = 4294967290;
		return h;
	}

	it('data that straddles 0 is accepted and ACKed past the wrap', () => {
		const h = nearTop();
		expect(recv(h, seg({seq: 4294967290, ack: 1001, len: 100}))).toEqual([out.ack(1001, 94)]);
	});

	it('an RST at a wrapped in-window seq draws a challenge ACK; the exact one resets', () => {
		const h = nearTop();
		expect(recv(h, seg({seq: 50, ctl: 'RST'}))).toEqual([out.ack(1001, 4294967290)]);
		expect(recv(h, seg({seq: 4294967290, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['ESTABLISHED → CLOSED (recv RST)']);
	});
});
