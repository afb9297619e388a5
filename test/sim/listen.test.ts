// LISTEN (RFC 9293 3.10.7.2), with Linux's SYN queue and SYN cookies.
import {describe, expect, it} from 'vitest';
import {runSynQueue} from '../../src/sim/listen.js';
import {PROFILES} from '../../src/sim/profiles.js';
import {CLIENT_ISN, S, SERVER_ISN, act, changes, fromClient, listen, out, recv, seg, tick, timersIn} from './fixtures.js';

const syn = seg({seq: CLIENT_ISN, ctl: 'SYN'});

describe('LISTEN', () => {
	it('answers a SYN with SYN,ACK <SEQ=ISS><ACK=SEG.SEQ+1> and enters SYN-RECEIVED', () => {
		const h = listen();
		expect(recv(h, syn)).toEqual([out.synAck(SERVER_ISN, CLIENT_ISN + 1)]);
		expect(changes(h)).toEqual(['LISTEN → SYN-RECEIVED (recv SYN)']);
		expect(timersIn(h)).toEqual({retransmit: 1 * S});
	});

	it('ignores an RST', () => {
		const h = listen();
		expect(recv(h, seg({seq: CLIENT_ISN, ctl: 'RST'}))).toEqual([]);
		expect(recv(h, seg({seq: CLIENT_ISN, ack: 1, ctl: 'RST'}))).toEqual([]);
		expect(h.tcb.state).toBe('LISTEN');
	});

	it('answers an ACK with <SEQ=SEG.ACK><CTL=RST>', () => {
		const h = listen();
		expect(recv(h, fromClient({ack: 777}))).toEqual([out.rst(777)]);
		expect(h.tcb.state).toBe('LISTEN');
	});

	it('drops a FIN or data without ACK silently', () => {
		const h = listen();
		expect(recv(h, seg({seq: CLIENT_ISN, ctl: 'FIN'}))).toEqual([]);
		expect(recv(h, seg({seq: CLIENT_ISN, len: 10}))).toEqual([]);
		expect(h.tcb.state).toBe('LISTEN');
	});

	it('is silent while time passes', () => {
		const h = listen();
		expect(tick(h, 3600 * S)).toEqual([]);
		expect(h.tcb.state).toBe('LISTEN');
	});

	it('close() deletes the listener and sends nothing', () => {
		const h = listen();
		expect(act(h, 'close')).toEqual([]);
		expect(changes(h)).toEqual(['LISTEN → CLOSED (close)']);
	});

	it('connect() on a listener is refused with EINVAL', () => {
		const h = listen();
		expect(act(h, 'connect')).toEqual([]);
		expect(h.log).toContainEqual({kind: 'call', call: 'connect', result: 'EINVAL'});
	});
});

describe('LISTEN with a full SYN queue', () => {
	function flooded(syncookies: 0 | 1) {
		const h = listen({sysctls: {backlog: 2, syncookies}});
		// Three spoofed SYNs on their last SYN-ACK: more than the backlog, so the queue counts as full (inet_csk_reqsk_queue_is_full).
		h.tcb.synQueue = [0, 1, 2].map(() => ({numTimeout: 5, nextUs: 63 * S}));
		return h;
	}

	it('with tcp_syncookies=0 drops the SYN and keeps no state', () => {
		const h = flooded(0);
		expect(recv(h, syn)).toEqual([]);
		expect(h.tcb.state).toBe('LISTEN');
		expect(h.log).toContainEqual({kind: 'drop', reason: 'SYN queue full'});
	});

	it('admits the SYN again once the spoofed entries expire (63 s)', () => {
		const h = flooded(0);
		h.now = 63 * S;
		runSynQueue(h.tcb, {now: h.now, profile: PROFILES.linux, sysctls: h.sysctls, emit: () => {}});
		expect(h.tcb.synQueue).toEqual([]);
		expect(recv(h, syn)).toEqual([out.synAck(SERVER_ISN, CLIENT_ISN + 1)]);
		expect(h.tcb.state).toBe('SYN-RECEIVED');
	});

	it('with tcp_syncookies=1 answers with a cookie SYN,ACK, stays LISTEN, arms no timer', () => {
		const h = flooded(1);
		const [synAck, ...rest] = recv(h, syn);
		expect(rest).toEqual([]);
		expect(synAck).toMatchObject({ack: CLIENT_ISN + 1, ctl: 'SYN', len: 0});
		expect(synAck!.seq).not.toBe(SERVER_ISN); // the cookie, not a drawn ISN
		expect(h.tcb.state).toBe('LISTEN');
		expect(timersIn(h)).toEqual({});
	});

	it('a returning cookie ACK creates the connection: LISTEN → ESTABLISHED', () => {
		const h = flooded(1);
		const cookie = recv(h, syn)[0]!.seq;
		expect(recv(h, fromClient({ack: (cookie + 1) >>> 0}))).toEqual([]);
		expect(changes(h)).toEqual(['LISTEN → ESTABLISHED (recv ACK (SYN cookie))']);
		expect(h.tcb.sndNxt).toBe((cookie + 1) >>> 0);
		expect(h.tcb.rcvNxt).toBe(CLIENT_ISN + 1);
	});

	it('a cookie ACK that carries data delivers the data', () => {
		const h = flooded(1);
		const cookie = recv(h, syn)[0]!.seq;
		expect(recv(h, fromClient({ack: (cookie + 1) >>> 0, len: 100}))).toEqual([out.ack((cookie + 1) >>> 0, CLIENT_ISN + 101)]);
		expect(act(h, 'read')).toEqual([]);
		expect(h.log).toContainEqual({kind: 'call', call: 'read', result: '100'});
	});

	it('an ACK with a wrong cookie is reset', () => {
		const h = flooded(1);
		const cookie = recv(h, syn)[0]!.seq;
		const wrong = (cookie + 2) >>> 0;
		expect(recv(h, fromClient({ack: wrong}))).toEqual([out.rst(wrong)]);
		expect(h.tcb.state).toBe('LISTEN');
	});
});
