// Timers (RFC 9293 3.8.1, 3.10.8; RFC 6298; Linux tcp_syn_retries, tcp_synack_retries, tcp_retries2).
import {describe, expect, it} from 'vitest';
import {
	CLIENT_ISN, type Host, MS, type Out, S, SERVER_ISN, act, changes, established, fromServer, out, recv, result, synReceived, synSent, tick,
	timersIn,
} from './fixtures.js';

/** Step the clock in `step` increments up to `until`; note when segments and state changes happen. */
function timeline(h: Host, until: number, step = 1 * S): {at: number; sent: Out[]; changes: string[]}[] {
	const seen: {at: number; sent: Out[]; changes: string[]}[] = [];
	while (h.now < until) {
		const sent = tick(h, step);
		if (sent.length > 0 || changes(h).length > 0) seen.push({at: h.now / S, sent, changes: changes(h)});
	}
	return seen;
}

describe('SYN retransmission (tcp_syn_retries = 6)', () => {
	it('resends the SYN at 1, 3, 7, 15, 31, 63 s and gives up at 127 s with ETIMEDOUT', () => {
		const h = synSent();
		const syn = [out.syn(CLIENT_ISN)];
		expect(timeline(h, 200 * S)).toEqual([
			...[1, 3, 7, 15, 31, 63].map(at => ({at, sent: syn, changes: []})),
			{at: 127, sent: [], changes: ['SYN-SENT → CLOSED (timer retransmit: gave up)']},
		]);
		act(h, 'read');
		expect(result(h)).toBe('ETIMEDOUT');
	});

	it('tcp_syn_retries = 2 gives up at 7 s', () => {
		const h = synSent({sysctls: {synRetries: 2}});
		expect(timeline(h, 20 * S).map(e => e.at)).toEqual([1, 3, 7]);
		expect(h.tcb.state).toBe('CLOSED');
	});
});

describe('SYN-ACK retransmission (tcp_synack_retries = 5)', () => {
	it('resends the SYN,ACK at 1, 3, 7, 15, 31 s and returns to LISTEN at 63 s', () => {
		const h = synReceived();
		const synAck = [out.synAck(SERVER_ISN, CLIENT_ISN + 1)];
		expect(timeline(h, 100 * S)).toEqual([
			...[1, 3, 7, 15, 31].map(at => ({at, sent: synAck, changes: []})),
			{at: 63, sent: [], changes: ['SYN-RECEIVED → LISTEN (timer retransmit: gave up)']},
		]);
	});
});

describe('data retransmission (tcp_retries2 = 15)', () => {
	it('backs off from 200 ms, caps at TCP_RTO_MAX 120 s and gives up at 924.6 s', () => {
		const h = established();
		act(h, {name: 'send', bytes: 100});
		const data = [out.data(CLIENT_ISN + 1, SERVER_ISN + 1, 100)];
		const seen = timeline(h, 1000 * S, 100 * MS);
		const at = [0.2, 0.6, 1.4, 3, 6.2, 12.6, 25.4, 51, 102.2, 204.6, 324.6, 444.6, 564.6, 684.6, 804.6];
		expect(seen).toEqual([
			...at.map(t => ({at: t, sent: data, changes: []})),
			{at: 924.6, sent: [], changes: ['ESTABLISHED → CLOSED (timer retransmit: gave up)']},
		]);
		act(h, 'read');
		expect(result(h)).toBe('ETIMEDOUT');
	});

	it('textbook starts from RFC 6298\'s 1 s', () => {
		const h = established({profile: 'textbook'});
		act(h, {name: 'send', bytes: 100});
		expect(timeline(h, 8 * S, 100 * MS).map(e => e.at)).toEqual([1, 3, 7]);
	});
});

describe('delayed ACK (linux)', () => {
	/** Established, with the 16 quickack ACKs (TCP_MAX_QUICKACKS) used up; returns the next peer seq. */
	function pastQuickack(h: Host): number {
		let seq = SERVER_ISN + 1;
		for (let i = 0; i < 16; i++, seq += 10) expect(recv(h, fromServer({seq, len: 10}))).toEqual([out.ack(CLIENT_ISN + 1, seq + 10)]);
		return seq;
	}

	it('after the quickack budget the ACK of a lone segment waits 40 ms (TCP_DELACK_MIN)', () => {
		const h = established();
		const seq = pastQuickack(h);
		expect(recv(h, fromServer({seq, len: 10}))).toEqual([]);
		expect(tick(h, 39 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.ack(CLIENT_ISN + 1, seq + 10)]);
	});

	it('more than one full segment unACKed is ACKed at once', () => {
		const h = established();
		const seq = pastQuickack(h);
		expect(recv(h, fromServer({seq, len: 1460}))).toEqual([]);
		expect(recv(h, fromServer({seq: seq + 1460, len: 1460}))).toEqual([out.ack(CLIENT_ISN + 1, seq + 2920)]);
	});

	it('data sent meanwhile carries the ACK and cancels the timer', () => {
		const h = established();
		const seq = pastQuickack(h);
		recv(h, fromServer({seq, len: 10}));
		expect(act(h, {name: 'send', bytes: 5})).toEqual([out.data(CLIENT_ISN + 1, seq + 10, 5)]);
		expect(timersIn(h)).toEqual({retransmit: 200 * MS});
	});
});
