// SYN-RECEIVED (RFC 9293 3.10.7.4), from a passive open: the server sent SYN,ACK seq=5000 ack=1001.
import {describe, expect, it} from 'vitest';
import {CLIENT_ISN, MS, S, SERVER_ISN, act, changes, fromClient, out, recv, seg, synReceived, tick, timersIn} from './fixtures.js';

describe('SYN-RECEIVED', () => {
	it('the ACK of our SYN → ESTABLISHED, nothing sent, RTO stopped', () => {
		const h = synReceived();
		expect(recv(h, fromClient())).toEqual([]);
		expect(changes(h)).toEqual(['SYN-RECEIVED → ESTABLISHED (recv ACK)']);
		expect(timersIn(h)).toEqual({});
	});

	it.each([
		['SEG.ACK = SND.UNA', SERVER_ISN],
		['SEG.ACK > SND.NXT', SERVER_ISN + 2],
	])('an unacceptable ACK (%s) → <SEQ=SEG.ACK><CTL=RST>, state kept', (_, ack) => {
		const h = synReceived();
		expect(recv(h, fromClient({ack}))).toEqual([out.rst(ack)]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('the ACK may carry data: ESTABLISHED and the data ACKed at once (quickack)', () => {
		const h = synReceived();
		expect(recv(h, fromClient({len: 100}))).toEqual([out.ack(SERVER_ISN + 1, CLIENT_ISN + 101)]);
		expect(h.tcb.state).toBe('ESTABLISHED');
	});

	it('a retransmitted SYN is answered with the same SYN,ACK (Linux tcp_check_req)', () => {
		const h = synReceived();
		expect(recv(h, seg({seq: CLIENT_ISN, ctl: 'SYN'}))).toEqual([out.synAck(SERVER_ISN, CLIENT_ISN + 1)]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('RST with SEG.SEQ = RCV.NXT returns a passive open to LISTEN', () => {
		const h = synReceived();
		expect(recv(h, seg({seq: CLIENT_ISN + 1, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['SYN-RECEIVED → LISTEN (recv RST)']);
		expect(timersIn(h)).toEqual({});
	});

	it('the next SYN after that takes a fresh ISN', () => {
		const h = synReceived();
		recv(h, seg({seq: CLIENT_ISN + 1, ctl: 'RST'}));
		expect(recv(h, seg({seq: 3000, ctl: 'SYN'}))).toEqual([out.synAck(SERVER_ISN + 100_000, 3001)]);
	});

	it('an in-window RST that is not exact gets a challenge ACK (RFC 5961 3.2)', () => {
		const h = synReceived();
		expect(recv(h, seg({seq: CLIENT_ISN + 50, ctl: 'RST'}))).toEqual([out.ack(SERVER_ISN + 1, CLIENT_ISN + 1)]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('an RST outside the window is dropped silently', () => {
		const h = synReceived();
		expect(recv(h, seg({seq: CLIENT_ISN + 70_000, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('close() sends FIN <SEQ=SND.NXT> and enters FIN-WAIT-1 (RFC 9293 3.10.4)', () => {
		const h = synReceived();
		expect(act(h, 'close')).toEqual([out.finAck(SERVER_ISN + 1, CLIENT_ISN + 1)]);
		expect(changes(h)).toEqual(['SYN-RECEIVED → FIN-WAIT-1 (close)']);
	});

	it('data queued in SYN-RECEIVED leaves once the ACK is processed, ACKing the FIN that came with it', () => {
		const h = synReceived();
		expect(act(h, {name: 'send', bytes: 10})).toEqual([]);
		expect(recv(h, fromClient({ctl: 'FIN'}))).toEqual([out.data(SERVER_ISN + 1, CLIENT_ISN + 2, 10)]);
		expect(changes(h)).toEqual(['SYN-RECEIVED → ESTABLISHED (recv ACK)', 'ESTABLISHED → CLOSE-WAIT (recv FIN)']);
		expect(timersIn(h)).toEqual({retransmit: 204 * MS});
	});

	it('close() with data still queued keeps the FIN for later (RFC 9293 3.10.4)', () => {
		const h = synReceived();
		act(h, {name: 'send', bytes: 10});
		expect(act(h, 'close')).toEqual([]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('after close() an RST closes it: no listener is left to return to', () => {
		const h = synReceived();
		act(h, {name: 'send', bytes: 10});
		act(h, 'close');
		expect(recv(h, seg({seq: CLIENT_ISN + 1, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['SYN-RECEIVED → CLOSED (recv RST)']);
	});

	it('after close() the SYN,ACK retries run out into CLOSED, not LISTEN', () => {
		const h = synReceived();
		act(h, {name: 'send', bytes: 10});
		act(h, 'close');
		tick(h, 63 * S);
		expect(changes(h)).toEqual(['SYN-RECEIVED → CLOSED (timer retransmit: gave up)']);
	});

	it('is silent until the RTO, then resends SYN,ACK', () => {
		const h = synReceived();
		expect(tick(h, 999 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.synAck(SERVER_ISN, CLIENT_ISN + 1)]);
		expect(timersIn(h)).toEqual({retransmit: 2 * S});
	});
});
