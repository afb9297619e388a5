// CLOSE-WAIT and LAST-ACK (RFC 9293 3.10.7.4): the server received the client's FIN seq=1001.
import {describe, expect, it} from 'vitest';
import {
	CLIENT_ISN, MS, S, SERVER_ISN, act, changes, closeWait, fromClient, lastAck, out, recv, result, serverEstablished, tick, timersIn,
} from './fixtures.js';

const C = CLIENT_ISN + 1;
const R = SERVER_ISN + 1; // our FIN's seq

describe('CLOSE-WAIT', () => {
	it('Linux sends the delayed ACK of the FIN on the next tick (no data yet), then is silent', () => {
		const h = closeWait();
		expect(tick(h, 3 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.ack(R, C + 1)]);
		expect(tick(h, 3600 * S)).toEqual([]);
		expect(h.tcb.state).toBe('CLOSE-WAIT'); // no timer ends CLOSE-WAIT: only the application can
	});

	it('after data, the delayed ACK of the FIN waits 40 ms', () => {
		const h = serverEstablished();
		recv(h, fromClient({len: 100}));
		expect(recv(h, fromClient({seq: C + 100, ctl: 'FIN'}))).toEqual([]);
		expect(timersIn(h)).toEqual({'delayed-ack': 40 * MS});
	});

	it('textbook: the FIN is ACKed at once', () => {
		const h = serverEstablished({profile: 'textbook'});
		expect(recv(h, fromClient({ctl: 'FIN'}))).toEqual([out.ack(R, C + 1)]);
		expect(timersIn(h)).toEqual({});
	});

	it('close() before the delayed ACK: one FIN,ACK carries both (the 3-segment close)', () => {
		const h = closeWait();
		expect(act(h, 'close')).toEqual([out.finAck(R, C + 1)]);
		expect(changes(h)).toEqual(['CLOSE-WAIT → LAST-ACK (close)']);
		expect(timersIn(h)).toEqual({retransmit: 204 * MS});
	});

	it('the client retransmitting its FIN is ACKed at once', () => {
		const h = closeWait();
		expect(recv(h, fromClient({ctl: 'FIN'}))).toEqual([out.ack(R, C + 1)]);
		expect(h.tcb.state).toBe('CLOSE-WAIT');
	});

	it('the server may still send; read() returns end of file', () => {
		const h = closeWait();
		expect(act(h, {name: 'send', bytes: 100})).toEqual([out.data(R, C + 1, 100)]);
		act(h, 'read');
		expect(result(h)).toBe('EOF');
		expect(h.tcb.state).toBe('CLOSE-WAIT');
	});

	it('an exact RST → CLOSED; the next write fails with EPIPE (Linux tcp_reset in CLOSE-WAIT)', () => {
		const h = closeWait();
		expect(recv(h, fromClient({seq: C + 1, ack: null, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['CLOSE-WAIT → CLOSED (recv RST)']);
		act(h, {name: 'send', bytes: 10});
		expect(result(h)).toBe('EPIPE');
	});
});

describe('LAST-ACK', () => {
	it('the ACK of our FIN → CLOSED, nothing sent, no timer left', () => {
		const h = lastAck();
		expect(recv(h, fromClient({seq: C + 1, ack: R + 1}))).toEqual([]);
		expect(changes(h)).toEqual(['LAST-ACK → CLOSED (recv ACK of FIN)']);
		expect(timersIn(h)).toEqual({});
	});

	it('an ACK that does not cover the FIN changes nothing', () => {
		const h = lastAck();
		expect(recv(h, fromClient({seq: C + 1}))).toEqual([]);
		expect(h.tcb.state).toBe('LAST-ACK');
	});

	it('linux: a tail-loss probe resends the FIN after 204 ms, the RTO again 204 ms later, then it backs off to 408 ms', () => {
		const h = lastAck();
		expect(tick(h, 203 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(R, C + 1)]); // the probe (captured: last-ack-lost.json, +206 ms)
		expect(tick(h, 203 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(R, C + 1)]); // the RTO, not backed off by the probe
		expect(tick(h, 407 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(R, C + 1)]);
	});

	it('retransmits the FIN after 1 s in the textbook profile', () => {
		const h = lastAck({profile: 'textbook'});
		expect(tick(h, 999 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(R, C + 1)]);
	});

	it('a retransmitted client FIN is ACKed again', () => {
		const h = lastAck();
		expect(recv(h, fromClient({ctl: 'FIN'}))).toEqual([out.ack(R + 1, C + 1)]);
		expect(h.tcb.state).toBe('LAST-ACK');
	});

	it('an exact RST → CLOSED', () => {
		const h = lastAck();
		expect(recv(h, fromClient({seq: C + 1, ack: null, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['LAST-ACK → CLOSED (recv RST)']);
	});
});
