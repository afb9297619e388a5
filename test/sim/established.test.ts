// ESTABLISHED (RFC 9293 3.10.7.4): the client after the handshake, SND.NXT=1001, RCV.NXT=5001.
import {describe, expect, it} from 'vitest';
import {CLIENT_ISN, MS, SERVER_ISN, act, changes, established, fromServer, out, recv, result, seg, tick, timersIn} from './fixtures.js';

const C = CLIENT_ISN + 1;
const R = SERVER_ISN + 1;

describe('ESTABLISHED: receiving', () => {
	it('data is ACKed at once while Linux is in quickack mode', () => {
		const h = established();
		expect(recv(h, fromServer({len: 100}))).toEqual([out.ack(C, R + 100)]);
		act(h, 'read');
		expect(result(h)).toBe('100');
	});

	it('data is ACKed at once in the textbook profile', () => {
		const h = established({profile: 'textbook'});
		expect(recv(h, fromServer({len: 100}))).toEqual([out.ack(C, R + 100)]);
	});

	it('a FIN → CLOSE-WAIT; Linux delays its ACK one tick (4 ms) before any data', () => {
		const h = established();
		expect(recv(h, fromServer({ctl: 'FIN'}))).toEqual([]);
		expect(changes(h)).toEqual(['ESTABLISHED → CLOSE-WAIT (recv FIN)']);
		expect(timersIn(h)).toEqual({'delayed-ack': 4 * MS});
		expect(tick(h, 4 * MS)).toEqual([out.ack(C, R + 1)]);
	});

	it('a FIN after data: Linux delays its ACK by the 40 ms ATO', () => {
		const h = established();
		recv(h, fromServer({len: 100}));
		expect(recv(h, fromServer({seq: R + 100, ctl: 'FIN'}))).toEqual([]);
		expect(tick(h, 39 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.ack(C, R + 101)]);
	});

	it('a FIN is ACKed at once in the textbook profile', () => {
		const h = established({profile: 'textbook'});
		expect(recv(h, fromServer({ctl: 'FIN'}))).toEqual([out.ack(C, R + 1)]);
		expect(h.tcb.state).toBe('CLOSE-WAIT');
	});

	it('data and FIN in one segment: both counted in the ACK', () => {
		const h = established({profile: 'textbook'});
		expect(recv(h, fromServer({len: 100, ctl: 'FIN'}))).toEqual([out.ack(C, R + 101)]);
		act(h, 'read');
		expect(result(h)).toBe('100');
	});

	it('a duplicate is ACKed at once', () => {
		const h = established();
		recv(h, fromServer({len: 100}));
		expect(recv(h, fromServer({len: 100}))).toEqual([out.ack(C, R + 100)]);
	});

	it('out-of-order data gets a duplicate ACK; the hole filled, one ACK covers both', () => {
		const h = established();
		expect(recv(h, fromServer({seq: R + 100, len: 100}))).toEqual([out.ack(C, R)]);
		expect(recv(h, fromServer({len: 100}))).toEqual([out.ack(C, R + 200)]);
		act(h, 'read');
		expect(result(h)).toBe('200');
	});

	it('a segment beyond the window is answered with an ACK and dropped', () => {
		const h = established();
		expect(recv(h, fromServer({seq: R + 70_000, len: 10}))).toEqual([out.ack(C, R)]);
		expect(h.tcb.rcvNxt).toBe(R);
	});

	it('an ACK of data never sent is answered with an ACK', () => {
		const h = established();
		expect(recv(h, fromServer({ack: C + 500}))).toEqual([out.ack(C, R)]);
		expect(h.tcb.sndUna).toBe(C);
	});

	it('a SYN gets a challenge ACK (RFC 5961 4.2)', () => {
		const h = established();
		expect(recv(h, seg({seq: R + 10, ctl: 'SYN'}))).toEqual([out.ack(C, R)]);
		expect(h.tcb.state).toBe('ESTABLISHED');
	});

	it('a bare ACK of nothing new is silent', () => {
		const h = established();
		expect(recv(h, fromServer())).toEqual([]);
	});
});

describe('ESTABLISHED: sending', () => {
	it('send() puts the data out at once and arms the 200 ms RTO (Linux TCP_RTO_MIN)', () => {
		const h = established();
		expect(act(h, {name: 'send', bytes: 100})).toEqual([out.data(C, R, 100)]);
		expect(timersIn(h)).toEqual({retransmit: 204 * MS});
	});

	it('splits a write at the MSS (1460)', () => {
		const h = established();
		expect(act(h, {name: 'send', bytes: 3000})).toEqual([
			out.data(C, R, 1460), out.data(C + 1460, R, 1460), out.data(C + 2920, R, 80),
		]);
	});

	it('retransmits the oldest unACKed segment at the RTO; the ACK stops the timer', () => {
		const h = established();
		act(h, {name: 'send', bytes: 100});
		expect(tick(h, 203 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.data(C, R, 100)]);
		expect(recv(h, fromServer({ack: C + 100}))).toEqual([]);
		expect(timersIn(h)).toEqual({});
		expect(tick(h, 10_000 * MS)).toEqual([]);
	});

	it('a partial ACK restarts the RTO for what is left', () => {
		const h = established();
		act(h, {name: 'send', bytes: 3000});
		recv(h, fromServer({ack: C + 1460}));
		expect(timersIn(h)).toEqual({retransmit: 204 * MS});
		expect(tick(h, 204 * MS)).toEqual([out.data(C + 2920, R, 80)]); // linux: the tail-loss probe resends the last segment
		expect(tick(h, 204 * MS)).toEqual([out.data(C + 1460, R, 1460)]); // then the RTO the oldest
	});
});

describe('ESTABLISHED: closing', () => {
	it('close() sends FIN,ACK <SEQ=SND.NXT> → FIN-WAIT-1', () => {
		const h = established();
		expect(act(h, 'close')).toEqual([out.finAck(C, R)]);
		expect(changes(h)).toEqual(['ESTABLISHED → FIN-WAIT-1 (close)']);
	});

	it('shutdown() sends the same FIN, cause "shutdown"', () => {
		const h = established();
		expect(act(h, 'shutdown')).toEqual([out.finAck(C, R)]);
		expect(changes(h)).toEqual(['ESTABLISHED → FIN-WAIT-1 (shutdown)']);
	});

	it('close() with unread data sends RST,ACK and no FIN (RFC 1122 4.2.2.13)', () => {
		const h = established();
		recv(h, fromServer({len: 100}));
		expect(act(h, 'close')).toEqual([out.rstAck(C, R + 100)]);
		expect(changes(h)).toEqual(['ESTABLISHED → CLOSED (close with unread data)']);
		expect(timersIn(h)).toEqual({});
	});

	it('abort() sends RST,ACK, enters CLOSED, leaves no timer (no TIME-WAIT)', () => {
		const h = established();
		expect(act(h, 'abort')).toEqual([out.rstAck(C, R)]);
		expect(changes(h)).toEqual(['ESTABLISHED → CLOSED (abort)']);
		expect(tick(h, 3600_000 * MS)).toEqual([]);
	});

	it('send() after shutdown() fails with EPIPE', () => {
		const h = established();
		act(h, 'shutdown');
		expect(act(h, {name: 'send', bytes: 10})).toEqual([]);
		expect(result(h)).toBe('EPIPE');
	});
});
