// CLOSING and TIME-WAIT (RFC 9293 3.10.7.4, Linux tcp_timewait_state_process).
import {describe, expect, it} from 'vitest';
import {CLIENT_ISN, MS, S, SERVER_ISN, changes, closing, fromServer, out, recv, seg, tick, timeWait, timersIn} from './fixtures.js';

const C = CLIENT_ISN + 2; // SND.NXT after our FIN
const R = SERVER_ISN + 2; // RCV.NXT after the peer's FIN

describe('CLOSING', () => {
	it('the ACK of our FIN → TIME-WAIT, nothing sent, 2 MSL armed', () => {
		const h = closing();
		expect(recv(h, fromServer({seq: R, ack: C}))).toEqual([]);
		expect(changes(h)).toEqual(['CLOSING → TIME-WAIT (recv ACK of FIN)']);
		expect(timersIn(h)).toEqual({'time-wait': 60 * S});
	});

	it('our FIN is retransmitted at the RTO, now ACKing the peer FIN', () => {
		const h = closing();
		expect(tick(h, 203 * MS)).toEqual([]);
		expect(tick(h, 1 * MS)).toEqual([out.finAck(C - 1, R)]);
	});

	it('the peer FIN retransmitted is ACKed again', () => {
		const h = closing();
		expect(recv(h, fromServer({ctl: 'FIN'}))).toEqual([out.ack(C, R)]);
		expect(h.tcb.state).toBe('CLOSING');
	});
});

describe('TIME-WAIT', () => {
	it('lasts 2 MSL = 60 s on linux, then CLOSED without a segment', () => {
		const h = timeWait();
		expect(tick(h, 60 * S - 1)).toEqual([]);
		expect(h.tcb.state).toBe('TIME-WAIT');
		expect(tick(h, 1)).toEqual([]);
		expect(changes(h)).toEqual(['TIME-WAIT → CLOSED (timer time-wait)']);
	});

	it('lasts 2 MSL = 240 s in the textbook profile', () => {
		const h = timeWait({profile: 'textbook'});
		expect(timersIn(h)).toEqual({'time-wait': 240 * S});
	});

	it('a retransmitted FIN is ACKed and 2 MSL starts again', () => {
		const h = timeWait();
		tick(h, 10 * S);
		expect(recv(h, fromServer({ack: C, ctl: 'FIN'}))).toEqual([out.ack(C, R)]);
		expect(timersIn(h)).toEqual({'time-wait': 60 * S});
		expect(tick(h, 60 * S - 1)).toEqual([]);
		expect(h.tcb.state).toBe('TIME-WAIT');
	});

	it('a bare ACK at RCV.NXT restarts 2 MSL silently', () => {
		const h = timeWait();
		tick(h, 10 * S);
		expect(recv(h, fromServer({seq: R, ack: C}))).toEqual([]);
		expect(timersIn(h)).toEqual({'time-wait': 60 * S});
	});

	it('an RST at RCV.NXT ends it early (RFC 1337 assassination; Linux tcp_rfc1337=0)', () => {
		const h = timeWait();
		expect(recv(h, seg({seq: R, ctl: 'RST'}))).toEqual([]);
		expect(changes(h)).toEqual(['TIME-WAIT → CLOSED (recv RST)']);
	});

	it('any other RST is dropped silently', () => {
		const h = timeWait();
		expect(recv(h, seg({seq: R + 10, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe('TIME-WAIT');
	});

	it('data is answered with an ACK and changes nothing else', () => {
		const h = timeWait();
		expect(recv(h, fromServer({seq: R, ack: C, len: 10}))).toEqual([out.ack(C, R)]);
		expect(h.tcb.state).toBe('TIME-WAIT');
	});
});
