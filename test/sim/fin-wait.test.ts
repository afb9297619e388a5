// FIN-WAIT-1 and FIN-WAIT-2 (RFC 9293 3.10.7.4): the client closed first; its FIN is seq=1001.
import {describe, expect, it} from 'vitest';
import {
	CLIENT_ISN, MS, S, SERVER_ISN, act, changes, established, finWait1, finWait2, fromServer, out, recv, result, tick, timersIn,
} from './fixtures.js';

const C = CLIENT_ISN + 1; // our FIN's seq
const R = SERVER_ISN + 1;

/** FIN-WAIT-1 after shutdown() instead of close(): the application still reads. */
function halfClosed() {
	const h = established();
	act(h, 'shutdown');
	h.log = [];
	return h;
}

describe('FIN-WAIT-1', () => {
	it('the ACK of our FIN → FIN-WAIT-2, nothing sent; the orphan gets tcp_fin_timeout (60 s)', () => {
		const h = finWait1();
		expect(recv(h, fromServer({ack: C + 1}))).toEqual([]);
		expect(changes(h)).toEqual(['FIN-WAIT-1 → FIN-WAIT-2 (recv ACK of FIN)']);
		expect(timersIn(h)).toEqual({'fin-wait-2': 60 * S});
	});

	it('a FIN that does not ACK ours → CLOSING, ACKed at once (simultaneous close)', () => {
		const h = finWait1();
		expect(recv(h, fromServer({ctl: 'FIN'}))).toEqual([out.ack(C + 1, R + 1)]);
		expect(changes(h)).toEqual(['FIN-WAIT-1 → CLOSING (recv FIN)']);
	});

	it('FIN and the ACK of our FIN together → TIME-WAIT (via FIN-WAIT-2, as Linux does), ACKed at once', () => {
		const h = finWait1();
		expect(recv(h, fromServer({ack: C + 1, ctl: 'FIN'}))).toEqual([out.ack(C + 1, R + 1)]);
		expect(changes(h)).toEqual(['FIN-WAIT-1 → FIN-WAIT-2 (recv ACK of FIN)', 'FIN-WAIT-2 → TIME-WAIT (recv FIN)']);
		expect(timersIn(h)).toEqual({'time-wait': 60 * S});
	});

	it('an ACK that does not cover our FIN changes nothing', () => {
		const h = finWait1();
		expect(recv(h, fromServer())).toEqual([]);
		expect(h.tcb.state).toBe('FIN-WAIT-1');
	});

	it('data for an orphan is answered with RST <SEQ=SEG.ACK> and the connection is gone', () => {
		const h = finWait1();
		expect(recv(h, fromServer({len: 100}))).toEqual([out.rst(C)]);
		expect(changes(h)).toEqual(['FIN-WAIT-1 → CLOSED (data after close)']);
	});

	it('after shutdown() data is still received and ACKed', () => {
		const h = halfClosed();
		expect(recv(h, fromServer({len: 100}))).toEqual([out.ack(C + 1, R + 100)]);
		expect(h.tcb.state).toBe('FIN-WAIT-1');
	});

	it('the FIN is retransmitted at the RTO (200 ms on linux)', () => {
		const h = finWait1();
		expect(tick(h, 203 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(C, R)]);
	});

	it('the FIN is retransmitted after 1 s in the textbook profile', () => {
		const h = finWait1({profile: 'textbook'});
		expect(tick(h, 999 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(C, R)]);
	});

	it('a second close() is EBADF', () => {
		const h = finWait1();
		expect(act(h, 'close')).toEqual([]);
		expect(result(h)).toBe('EBADF');
	});
});

describe('FIN-WAIT-2', () => {
	it('the peer FIN is ACKed at once → TIME-WAIT, 2 MSL = 60 s on linux', () => {
		const h = finWait2();
		expect(recv(h, fromServer({ack: C + 1, ctl: 'FIN'}))).toEqual([out.ack(C + 1, R + 1)]);
		expect(changes(h)).toEqual(['FIN-WAIT-2 → TIME-WAIT (recv FIN)']);
		expect(timersIn(h)).toEqual({'time-wait': 60 * S});
	});

	it('the orphan times out silently after tcp_fin_timeout: CLOSED, no segment', () => {
		const h = finWait2();
		expect(tick(h, 60 * S - 1)).toEqual([]);
		expect(h.tcb.state).toBe('FIN-WAIT-2');
		expect(tick(h, 1)).toEqual([]);
		expect(changes(h)).toEqual(['FIN-WAIT-2 → CLOSED (timer fin-wait-2)']);
	});

	it('tcp_fin_timeout can be changed', () => {
		const h = finWait2({sysctls: {finTimeoutUs: 5 * S}});
		expect(timersIn(h)).toEqual({'fin-wait-2': 5 * S});
	});

	it('data for the orphan → RST <SEQ=SEG.ACK>, CLOSED (Linux tcp_rcv_state_process)', () => {
		const h = finWait2();
		expect(recv(h, fromServer({ack: C + 1, len: 100}))).toEqual([out.rst(C + 1)]);
		expect(changes(h)).toEqual(['FIN-WAIT-2 → CLOSED (data after close)']);
	});

	it('half-closed (shutdown): data is ACKed and read, no timer, waits for the FIN forever', () => {
		const h = halfClosed();
		recv(h, fromServer({ack: C + 1}));
		expect(h.tcb.state).toBe('FIN-WAIT-2');
		expect(timersIn(h)).toEqual({});
		expect(recv(h, fromServer({ack: C + 1, len: 200}))).toEqual([out.ack(C + 1, R + 200)]);
		act(h, 'read');
		expect(result(h)).toBe('200');
		expect(tick(h, 3600 * S)).toEqual([]);
		expect(h.tcb.state).toBe('FIN-WAIT-2');
	});

	it('an exact RST resets it', () => {
		const h = halfClosed();
		recv(h, fromServer({ack: C + 1}));
		expect(recv(h, fromServer({ack: null, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['FIN-WAIT-2 → CLOSED (recv RST)']);
		act(h, 'read');
		expect(result(h)).toBe('ECONNRESET');
	});
});
