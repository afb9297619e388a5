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

describe('SYN retransmission (Linux 6.x: tcp_syn_retries = 6, tcp_syn_linear_timeouts = 4)', () => {
	// Captured (test/fixtures/captures/linux/syn-retries-default.json): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s, failing at 131 s.
	it('resends the SYN at 1, 2, 3, 4, 5 s, then doubling: 7, 11, 19, 35, 67 s; gives up at 131 s with ETIMEDOUT', () => {
		const h = synSent();
		const syn = [out.syn(CLIENT_ISN)];
		expect(timeline(h, 200 * S)).toEqual([
			...[1, 2, 3, 4, 5, 7, 11, 19, 35, 67].map(at => ({at, sent: syn, changes: []})),
			{at: 131, sent: [], changes: ['SYN-SENT → CLOSED (timer retransmit: gave up)']},
		]);
		act(h, 'read');
		expect(result(h)).toBe('ETIMEDOUT');
	});

	it('tcp_syn_retries = 2: five SYNs a second apart, then the time budget (1+2+4 = 7 s) ends it at 7 s', () => {
		const h = synSent({sysctls: {synRetries: 2}});
		expect(timeline(h, 20 * S).map(e => e.at)).toEqual([1, 2, 3, 4, 5, 7]);
		expect(h.tcb.state).toBe('CLOSED');
	});

	it('tcp_syn_linear_timeouts = 0 (kernels before 6.5): doubling from the start, 1, 3, 7, 15, 31, 63 s, failing at 127 s', () => {
		const h = synSent({sysctls: {synLinearTimeouts: 0}});
		expect(timeline(h, 200 * S).map(e => e.at)).toEqual([1, 3, 7, 15, 31, 63, 127]);
	});

	it('textbook: RFC 6298 doubling, tcp_syn_retries counted: 1, 3, 7, 15, 31, 63 s, gives up at 127 s', () => {
		const h = synSent({profile: 'textbook'});
		expect(timeline(h, 200 * S).map(e => e.at)).toEqual([1, 3, 7, 15, 31, 63, 127]);
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
	// Captured (poweroff-retries2-3/5.json): a probe one RTO after the write, then RTOs doubling from ~205 ms.
	it('a tail-loss probe at 204 ms, then RTOs doubling from 204 ms up to TCP_RTO_MAX 120 s; gives up once 924.6 s have passed since the first RTO', () => {
		const h = established();
		act(h, {name: 'send', bytes: 100});
		const data = [out.data(CLIENT_ISN + 1, SERVER_ISN + 1, 100)];
		const seen = timeline(h, 1000 * S, 12 * MS);
		// tcp_model_timeout(15, 200 ms): (2^10 - 1) * 0.2 s + 6 * 120 s = 924.6 s after the first RTO retransmission (0.408 s).
		const at = [0.204, 0.408, 0.816, 1.632, 3.264, 6.528, 13.056, 26.112, 52.224, 104.448, 208.896, 328.896, 448.896, 568.896, 688.896, 808.896];
		expect(seen.map(e => ({...e, at: Number(e.at.toFixed(3))}))).toEqual([
			...at.map(t => ({at: t, sent: data, changes: []})),
			{at: 928.896, sent: [], changes: ['ESTABLISHED → CLOSED (timer retransmit: gave up)']},
		]);
		act(h, 'read');
		expect(result(h)).toBe('ETIMEDOUT');
	});

	it('tcp_retries2 = 3: the budget is 3 s, so it gives up at the first timeout more than 3 s after the first RTO', () => {
		const h = established({sysctls: {retries2: 3}});
		act(h, {name: 'send', bytes: 100});
		const seen = timeline(h, 20 * S, 12 * MS).map(e => Number(e.at.toFixed(3)));
		expect(seen).toEqual([0.204, 0.408, 0.816, 1.632, 3.264, 6.528]);
		expect(h.tcb.state).toBe('CLOSED');
	});

	// Linux tcp_orphan_retries: a socket the application closed uses it instead of tcp_retries2; 0 means 8 while the peer may be alive.
	it('an orphan (closed, its FIN unanswered) gives up by tcp_orphan_retries: 0 means 8, a 102.2 s budget', () => {
		const h = established();
		act(h, 'close');
		const seen = timeline(h, 200 * S, 12 * MS).map(e => Number(e.at.toFixed(3)));
		// tcp_model_timeout(8, 200 ms) = 511 × 0.2 s = 102.2 s after the first RTO (0.408 s): the timeout at 104.448 s ends it.
		expect(seen).toEqual([0.204, 0.408, 0.816, 1.632, 3.264, 6.528, 13.056, 26.112, 52.224, 104.448]);
		expect(h.tcb.state).toBe('CLOSED');
	});

	it('tcp_orphan_retries = 2: a 1.4 s budget, so the orphan gives up at 3.264 s', () => {
		const h = established({sysctls: {orphanRetries: 2}});
		act(h, 'close');
		expect(timeline(h, 20 * S, 12 * MS).map(e => Number(e.at.toFixed(3)))).toEqual([0.204, 0.408, 0.816, 1.632, 3.264]);
		expect(h.tcb.state).toBe('CLOSED');
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
		expect(timersIn(h)).toEqual({retransmit: 204 * MS});
	});
});
