// Relative numbers per connection, as Wireshark shows them: each connection the endpoints open
// counts from its own ISN; an injected (old or spoofed) segment never moves the base.
import {describe, expect, it} from 'vitest';
import type {SegmentEvent} from '../../src/sim/trace.js';
import {eventToJson} from '../../src/sim/trace.js';
import {playSteps} from './play.js';

const header = ['client: { isn: 1000 }', 'server: { isn: 5000 }'];
const segments = (events: readonly unknown[]) => (events as SegmentEvent[]).filter(e => e.type === 'segment');
const rel = (e: SegmentEvent) => `${e.from} ${e.flags.join(',')} ${e.rel.seq} ${e.rel.ack ?? '-'}`;

describe('relative numbers', () => {
	it('an old duplicate SYN injected into an open connection is shown against that connection and moves nothing', () => {
		const t = playSteps(['server: listen', 'client: connect', 'inject: { from: client, flags: [SYN], seq: 900 }', 'client: send 100'], header);
		expect(segments(t.events).map(rel)).toEqual([
			'client SYN 0 -', 'server ACK,SYN 0 1', 'client ACK 1 1',
			'client SYN 4294967196 -', // 900 - 1000, wrapped: it lies before this connection's ISN
			'server ACK 1 1', // the challenge ACK (RFC 5961 4.2) acknowledges the real connection, 1001
			'client ACK,PSH 1 1', 'server ACK 1 101',
		]);
	});

	it('an old SYN before any connection keeps its absolute number, and the real SYN after it counts from 0', () => {
		const t = playSteps(['server: listen', 'inject: { from: client, flags: [SYN], seq: 900 }', 'server: listen', 'client: connect'], header);
		const segs = segments(t.events);
		expect(segs.map(rel)).toEqual([
			'client SYN 900 -', 'server ACK,SYN 0 901', 'client RST 901 -', // no client connection yet: nothing to be relative to
			'client SYN 0 -', 'server ACK,SYN 0 1', 'client ACK 1 1',
		]);
		expect(segs[4]!.seq).not.toBe(segs[1]!.seq); // the server's second SYN,ACK starts a connection of its own
	});

	it('a new connect() starts a new base on both sides', () => {
		const t = playSteps(['server: listen', 'client: connect', 'client: abort', 'server: listen', 'client: connect', 'client: send 10'], header);
		const segs = segments(t.events);
		expect(segs.map(rel).slice(-5)).toEqual(['client SYN 0 -', 'server ACK,SYN 0 1', 'client ACK 1 1', 'client ACK,PSH 1 1', 'server ACK 1 11']);
		expect(segs.at(-5)!.seq).not.toBe(1000);
	});

	it('trace --relative prints the same numbers', () => {
		const t = playSteps(['server: listen', 'client: connect', 'inject: { from: client, flags: [SYN], seq: 900 }'], header);
		const json = t.events.filter(e => e.type === 'segment').map(e => JSON.parse(eventToJson(e, true)) as {seq: number; ack: number | null});
		expect(json.map(j => [j.seq, j.ack])).toEqual([[0, null], [0, 1], [1, 1], [4294967196, null], [1, 1]]);
	});
});
