// SYN-SENT (RFC 9293 3.10.7.3): the client has sent SYN seq=1000 and waits.
import {describe, expect, it} from 'vitest';
import {CLIENT_ISN, MS, S, SERVER_ISN, act, changes, out, recv, result, seg, synSent, tick, timersIn} from './fixtures.js';

const synAck = (ack: number) => seg({seq: SERVER_ISN, ack, ctl: 'SYN'});

describe('SYN-SENT', () => {
	it('connect() sends <SEQ=ISS><CTL=SYN> and arms the 1 s RTO', () => {
		const h = synSent();
		expect(h.tcb.sndNxt).toBe(CLIENT_ISN + 1);
		expect(timersIn(h)).toEqual({retransmit: 1 * S});
	});

	it('SYN,ACK acknowledging the SYN → ACK <SEQ=SND.NXT><ACK=RCV.NXT>, ESTABLISHED', () => {
		const h = synSent();
		expect(recv(h, synAck(CLIENT_ISN + 1))).toEqual([out.ack(CLIENT_ISN + 1, SERVER_ISN + 1)]);
		expect(changes(h)).toEqual(['SYN-SENT → ESTABLISHED (recv SYN,ACK)']);
		expect(timersIn(h)).toEqual({});
	});

	it.each([
		['SEG.ACK = ISS', CLIENT_ISN],
		['SEG.ACK < ISS', CLIENT_ISN - 100],
		['SEG.ACK > SND.NXT', CLIENT_ISN + 2],
	])('an unacceptable SYN,ACK (%s) is answered with <SEQ=SEG.ACK><CTL=RST>', (_, ack) => {
		const h = synSent();
		expect(recv(h, synAck(ack))).toEqual([out.rst(ack)]);
		expect(h.tcb.state).toBe('SYN-SENT');
	});

	it('RST,ACK acknowledging the SYN refuses the connection: CLOSED, ECONNREFUSED', () => {
		const h = synSent();
		expect(recv(h, seg({seq: 0, ack: CLIENT_ISN + 1, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['SYN-SENT → CLOSED (recv RST)']);
		act(h, 'read');
		expect(result(h)).toBe('ECONNREFUSED');
		expect(timersIn(h)).toEqual({});
	});

	it('RST without ACK is dropped', () => {
		const h = synSent();
		expect(recv(h, seg({seq: 0, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe('SYN-SENT');
	});

	it('RST with an unacceptable ACK is dropped, never answered', () => {
		const h = synSent();
		expect(recv(h, seg({seq: 0, ack: CLIENT_ISN + 5, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe('SYN-SENT');
	});

	it('a bare SYN (simultaneous open) → SYN,ACK <SEQ=ISS><ACK=SEG.SEQ+1>, SYN-RECEIVED', () => {
		const h = synSent();
		expect(recv(h, seg({seq: SERVER_ISN, ctl: 'SYN'}))).toEqual([out.synAck(CLIENT_ISN, SERVER_ISN + 1)]);
		expect(changes(h)).toEqual(['SYN-SENT → SYN-RECEIVED (recv SYN)']);
		expect(h.tcb.sndNxt).toBe(CLIENT_ISN + 1);
	});

	it('an acceptable ACK without SYN is dropped', () => {
		const h = synSent();
		expect(recv(h, seg({seq: SERVER_ISN + 1, ack: CLIENT_ISN + 1}))).toEqual([]);
		expect(h.tcb.state).toBe('SYN-SENT');
	});

	it('data written before the handshake goes out right after its ACK', () => {
		const h = synSent();
		expect(act(h, {name: 'send', bytes: 100})).toEqual([]);
		expect(result(h)).toBe('queued');
		expect(recv(h, synAck(CLIENT_ISN + 1))).toEqual([
			out.ack(CLIENT_ISN + 1, SERVER_ISN + 1),
			out.data(CLIENT_ISN + 1, SERVER_ISN + 1, 100),
		]);
	});

	it('close() deletes the TCB and sends nothing', () => {
		const h = synSent();
		expect(act(h, 'close')).toEqual([]);
		expect(changes(h)).toEqual(['SYN-SENT → CLOSED (close)']);
		expect(timersIn(h)).toEqual({});
		expect(tick(h, 200 * S)).toEqual([]);
	});

	it('is silent until the RTO, then retransmits the SYN without ACK', () => {
		const h = synSent();
		expect(tick(h, 999 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.syn(CLIENT_ISN)]);
		expect(timersIn(h)).toEqual({retransmit: 1 * S}); // Linux 6.x tcp_syn_linear_timeouts: 1 s again
	});
});
