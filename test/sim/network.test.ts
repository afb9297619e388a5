// The network's rules (network.ts, world.ts): drop, delay, duplicate, reorder; how they match and how long they last.
import {describe, expect, it} from 'vitest';
import type {SegmentEvent} from '../../src/sim/trace.js';
import {from, playSteps, states, wire} from './play.js';

const OPEN = ['server: listen', 'client: connect'];
const segments = (t: ReturnType<typeof playSteps>) => t.events.filter((e): e is SegmentEvent => e.type === 'segment');

describe('drop', () => {
	it('loses exactly `count` matching segments, then lets them through', () => {
		const t = playSteps(['server: listen', 'drop: { from: client, flags: [SYN], count: 2 }', 'client: connect', 'wait: 5s']);
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000 dropped',
			'1s C→S SYN seq=1000 dropped',
			'2s C→S SYN seq=1000', // Linux 6.x: SYN timeouts stay at 1 s (tcp_syn_linear_timeouts)
			'2s S→C ACK,SYN seq=5000 ack=1001',
			'2s C→S ACK seq=1001 ack=5001',
		]);
	});

	it('matches only segments carrying all the listed flags (a bare SYN is not a SYN,ACK)', () => {
		const t = playSteps(['drop: { flags: [SYN, ACK] }', ...OPEN, 'wait: 2s']);
		// At 1 s both retransmission timers are due: both fire before either's segment is received (as captured, synack-lost).
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000',
			'0s S→C ACK,SYN seq=5000 ack=1001 dropped',
			'1s S→C ACK,SYN seq=5000 ack=1001',
			'1s C→S SYN seq=1000',
			'1s C→S ACK seq=1001 ack=5001',
			'1s S→C ACK,SYN seq=5000 ack=1001',
			'1s C→S ACK seq=1001 ack=5001',
		]);
	});

	it('matches only segments from the given side', () => {
		const t = playSteps(['drop: { from: server, count: 5 }', 'server: listen', 'inject: { from: client, flags: [ACK], seq: 1, ack: 2 }',
			'client: connect']);
		expect(wire(t.events)).toEqual(['0s C→S ACK seq=1 ack=2', '0s S→C RST seq=2 dropped', '0s C→S SYN seq=1000', '0s S→C ACK,SYN seq=5000 ack=1001 dropped']);
	});

	it('applies only to segments sent after the rule', () => {
		const t = playSteps([...OPEN, 'drop: { from: client }', 'client: send 10']);
		expect(wire(t.events).filter(l => l.endsWith('dropped'))).toEqual(['0s C→S ACK,PSH seq=1001 ack=5001 len=10 dropped']);
	});
});

describe('delay', () => {
	it('holds a segment for `by` beyond the latency and records it', () => {
		const t = playSteps([...OPEN, 'delay: { from: client, flags: [PSH], by: 100ms }', 'client: send 10']);
		expect(wire(from(t, 3))).toEqual(['0s C→S ACK,PSH seq=1001 ack=5001 len=10', '0.1s S→C ACK seq=5001 ack=1011']);
		expect(segments(t).at(-2)!.delayed).toBe(0.1);
	});

	it('a segment held past the RTO is retransmitted; the late original is a duplicate', () => {
		const t = playSteps([...OPEN, 'delay: { from: client, flags: [PSH], by: 2s }', 'client: send 10', 'wait: 3s']);
		expect(wire(from(t, 3))).toEqual([
			'0s C→S ACK,PSH seq=1001 ack=5001 len=10',
			'0.204s C→S ACK,PSH seq=1001 ack=5001 len=10',
			'0.204s S→C ACK seq=5001 ack=1011',
			'2s S→C ACK seq=5001 ack=1011',
		]);
	});

	it('network latency delays every segment', () => {
		const t = playSteps(OPEN, ['network: { latency: 10ms }']);
		expect(wire(t.events)).toEqual(['0s C→S SYN seq=1000', '0.01s S→C ACK,SYN seq=5000 ack=1001', '0.02s C→S ACK seq=1001 ack=5001']);
		expect(states(t.events, 'server').at(-1)).toBe('0.03s server SYN-RECEIVED→ESTABLISHED (recv ACK)');
	});
});

describe('duplicate', () => {
	it('delivers the segment twice; the copy draws an immediate duplicate ACK', () => {
		const t = playSteps([...OPEN, 'duplicate: { from: client, flags: [PSH] }', 'client: send 10']);
		expect(wire(from(t, 3))).toEqual([
			'0s C→S ACK,PSH seq=1001 ack=5001 len=10 duplicated',
			'0s S→C ACK seq=5001 ack=1011',
			'0s S→C ACK seq=5001 ack=1011',
		]);
	});

	it('a duplicated SYN is answered by the same SYN,ACK again', () => {
		const t = playSteps(['server: listen', 'duplicate: { flags: [SYN] }', 'client: connect']);
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000 duplicated',
			'0s S→C ACK,SYN seq=5000 ack=1001',
			'0s S→C ACK,SYN seq=5000 ack=1001',
			'0s C→S ACK seq=1001 ack=5001',
			'0s C→S ACK seq=1001 ack=5001',
		]);
	});
});

describe('duplicate meets TIME-WAIT', () => {
	it('a FIN copy ACKed after the peer closed draws an RST that ends TIME-WAIT early (RFC 1337, Linux tcp_rfc1337=0)', () => {
		const t = playSteps([...OPEN, 'client: close', 'duplicate: { from: server, flags: [FIN] }', 'server: close', 'wait: 61s']);
		expect(wire(from(t, 4))).toEqual([
			'0s S→C ACK,FIN seq=5001 ack=1002 duplicated',
			'0s C→S ACK seq=1002 ack=5002',
			'0s C→S ACK seq=1002 ack=5002',
			'0s S→C RST seq=5002',
		]);
		expect(states(from(t, 4)).slice(-2)).toEqual(['0s server LAST-ACK→CLOSED (recv ACK of FIN)', '0s client TIME-WAIT→CLOSED (recv RST)']);
	});
});

describe('reorder', () => {
	it('holds a segment until the next one from the same side has passed it', () => {
		const t = playSteps([...OPEN, 'reorder: { from: client }', 'client: send 3000']);
		expect(wire(from(t, 3))).toEqual([
			'0s C→S ACK seq=1001 ack=5001 len=1460',
			'0s C→S ACK seq=2461 ack=5001 len=1460',
			'0s C→S ACK,PSH seq=3921 ack=5001 len=80',
			'0s S→C ACK seq=5001 ack=1001',
			'0s S→C ACK seq=5001 ack=3921',
			'0s S→C ACK seq=5001 ack=4001',
		]);
	});

	it('a held segment with nothing behind it is released after all', () => {
		const t = playSteps([...OPEN, 'reorder: { from: client }', 'client: send 10']);
		expect(wire(from(t, 3))).toEqual(['0s C→S ACK,PSH seq=1001 ack=5001 len=10', '0s S→C ACK seq=5001 ack=1011']);
	});
});
