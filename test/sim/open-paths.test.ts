// Scenario-level paths through the opening of a connection: every segment (flags, seq, ack, len, fate) and state.
import {describe, expect, it} from 'vitest';
import {DEFAULT_SYSCTLS, PROFILES} from '../../src/sim/profiles.js';
import type {FloodEvent} from '../../src/sim/trace.js';
import {call} from '../../src/sim/app-calls.js';
import {addRule, createWorld, inject, settle} from '../../src/sim/world.js';
import {calls, playSteps, states, wire} from './play.js';

describe('simultaneous open (RFC 9293 Figure 7)', () => {
	const t = playSteps(['together: [ { client: connect }, { server: connect } ]']);

	it('each side sends SYN, answers the other SYN with SYN,ACK, then ACKs', () => {
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000',
			'0s S→C SYN seq=5000',
			'0s S→C ACK,SYN seq=5000 ack=1001',
			'0s C→S ACK,SYN seq=1000 ack=5001',
			'0s C→S ACK seq=1001 ack=5001',
			'0s S→C ACK seq=5001 ack=1001',
		]);
	});

	it('both go SYN-SENT → SYN-RECEIVED → ESTABLISHED, with no LISTEN', () => {
		expect(states(t.events)).toEqual([
			'0s client CLOSED→SYN-SENT (connect)',
			'0s server CLOSED→SYN-SENT (connect)',
			'0s server SYN-SENT→SYN-RECEIVED (recv SYN)',
			'0s client SYN-SENT→SYN-RECEIVED (recv SYN)',
			'0s client SYN-RECEIVED→ESTABLISHED (recv SYN,ACK)',
			'0s server SYN-RECEIVED→ESTABLISHED (recv SYN,ACK)',
		]);
		expect(t.steps.at(-1)!.after.client.timers).toEqual([]);
		expect(t.steps.at(-1)!.after.server.timers).toEqual([]);
	});
});

describe('SYN to a port with no listener', () => {
	const t = playSteps(['client: connect', 'client: read']);

	it('is answered with RST,ACK seq=0 ack=SEG.SEQ+1', () => {
		expect(wire(t.events)).toEqual(['0s C→S SYN seq=1000', '0s S→C ACK,RST seq=0 ack=1001']);
	});

	it('closes the client with ECONNREFUSED', () => {
		expect(states(t.events, 'client')).toEqual(['0s client CLOSED→SYN-SENT (connect)', '0s client SYN-SENT→CLOSED (recv RST)']);
		expect(calls(t.events, 'client')).toEqual(['connect → ok', 'read → ECONNREFUSED']);
	});
});

describe('SYN flood against a backlog of 4', () => {
	it('tcp_syncookies=1: the client still connects through a cookie, server LISTEN → ESTABLISHED', () => {
		const t = playSteps(['server: listen', 'flood: 100', 'client: connect', 'client: send 100'],
			['server: { isn: 5000, backlog: 4 }', 'sysctl: { tcp_syncookies: 1 }']);
		const flood = t.events.find((e): e is FloodEvent => e.type === 'flood');
		expect(flood).toMatchObject({syns: 100, queued: 5, cookies: 95, dropped: 0}); // full means more than the backlog (inet_csk_reqsk_queue_is_full)
		const cookie = t.events.filter(e => e.type === 'segment')[1]!.seq;
		expect(cookie).not.toBe(5000);
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000',
			`0s S→C ACK,SYN seq=${cookie} ack=1001`,
			`0s C→S ACK seq=1001 ack=${cookie + 1}`,
			`0s C→S ACK,PSH seq=1001 ack=${cookie + 1} len=100`,
			`0s S→C ACK seq=${cookie + 1} ack=1101`,
		]);
		expect(states(t.events, 'server')).toEqual(['0s server CLOSED→LISTEN (listen)', '0s server LISTEN→ESTABLISHED (recv ACK (SYN cookie))']);
	});

	const noCookies = ['server: { isn: 5000, backlog: 4 }', 'sysctl: { tcp_syncookies: 0 }'];

	// Captured (flood-cookies-0.json): the queue holds backlog + 1 requests; at 7 s, with the queue more than half full
	// and every request old, requests are dropped after 2 SYN-ACK retries until half the room is free (reqsk_timer_handler).
	it('tcp_syncookies=0: SYNs at 0 … 5 s are dropped; old requests are pruned at 7 s, so the SYN at 7 s gets in', () => {
		const t = playSteps(['server: listen', 'flood: 100', 'client: connect', 'wait: 20s'], noCookies);
		expect(t.events.find(e => e.type === 'flood')).toMatchObject({queued: 5, dropped: 95});
		// At 7 s the client's SYN timer and the pruning are due in the same tick: every timer of a tick runs before the
		// segments they send are received, so the pruning has made room when the SYN arrives.
		expect(wire(t.events)).toEqual([
			...[0, 1, 2, 3, 4, 5, 7].map(s => `${s}s C→S SYN seq=1000`),
			'7s S→C ACK,SYN seq=5000 ack=1001',
			'7s C→S ACK seq=1001 ack=5001',
		]);
		expect(t.events.filter(e => e.type === 'note' && e.note === 'segment dropped: SYN queue full')).toHaveLength(6);
		expect(states(t.events, 'client')).toEqual(['0s client CLOSED→SYN-SENT (connect)', '7s client SYN-SENT→ESTABLISHED (recv SYN,ACK)']);
	});

	it('tcp_syncookies=0 and a sustained flood (new SYNs every second): every SYN dropped, ETIMEDOUT 131 s after connect', () => {
		// New spoofed SYNs on every whole second, the client's on the half seconds: whatever room the pruning frees is taken at once.
		const sustained = Array.from({length: 140}, () => ['wait: 1s', 'flood: 100']).flat();
		const t = playSteps(['server: listen', 'flood: 100', 'wait: 500ms', 'client: connect', 'wait: 500ms', 'flood: 100', ...sustained, 'client: read'], noCookies);
		expect(wire(t.events)).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67].map(s => `${s + 0.5}s C→S SYN seq=1000`));
		expect(states(t.events, 'client')).toEqual(['0.5s client CLOSED→SYN-SENT (connect)', '131.5s client SYN-SENT→CLOSED (timer retransmit: gave up)']);
		expect(calls(t.events, 'client').at(-1)).toBe('read → ETIMEDOUT');
	});
});

describe('retries when nothing answers', () => {
	it('tcp_syn_retries=6 (Linux 6.x): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s, connect fails at 131 s', () => {
		const t = playSteps(['server: listen', 'drop: { from: client, count: 100 }', 'client: connect', 'wait: 200s', 'client: read']);
		expect(wire(t.events)).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67].map(s => `${s}s C→S SYN seq=1000 dropped`));
		expect(states(t.events, 'client').at(-1)).toBe('131s client SYN-SENT→CLOSED (timer retransmit: gave up)');
		expect(calls(t.events, 'client').at(-1)).toBe('read → ETIMEDOUT');
	});

	it('tcp_synack_retries=5: SYN,ACKs at 0, 1, 3, 7, 15, 31 s, back to LISTEN at 63 s', () => {
		const t = playSteps(['server: listen', 'drop: { from: server, count: 100 }', 'inject: { from: client, flags: [SYN], seq: 1000 }', 'wait: 100s']);
		expect(wire(t.events)).toEqual([
			'0s C→S SYN seq=1000',
			...[0, 1, 3, 7, 15, 31].map(s => `${s}s S→C ACK,SYN seq=5000 ack=1001 dropped`),
		]);
		expect(states(t.events, 'server')).toEqual([
			'0s server CLOSED→LISTEN (listen)', '0s server LISTEN→SYN-RECEIVED (recv SYN)', '63s server SYN-RECEIVED→LISTEN (timer retransmit: gave up)',
		]);
	});
});

describe('an old duplicate SYN (RFC 9293 Figure 8)', () => {
	const w = createWorld({profile: PROFILES.linux, sysctls: DEFAULT_SYSCTLS, latencyUs: 0, isns: {client: [1000], server: [5000, 7000]}, cookieSecret: 1});
	call(w, 'server', {name: 'listen'});
	addRule(w, {action: 'delay', from: 'client', flags: ['SYN'], byUs: 500_000, remaining: 1});
	call(w, 'client', {name: 'connect'}); // the real SYN is held up in the network
	inject(w, 'client', {seq: 900, ack: null, ctl: 'SYN', len: 0, win: 65535}); // the old one overtakes it
	settle(w);

	it('the old SYN gets SYN,ACK; the client resets it; the real SYN then opens the connection', () => {
		expect(wire(w.events)).toEqual([
			'0s C→S SYN seq=1000',
			'0s C→S SYN seq=900',
			'0s S→C ACK,SYN seq=5000 ack=901',
			'0s C→S RST seq=901',
			'0.5s S→C ACK,SYN seq=7000 ack=1001',
			'0.5s C→S ACK seq=1001 ack=7001',
		]);
	});

	it('the server goes back to LISTEN, then on to ESTABLISHED', () => {
		expect(states(w.events, 'server')).toEqual([
			'0s server CLOSED→LISTEN (listen)',
			'0s server LISTEN→SYN-RECEIVED (recv SYN)',
			'0s server SYN-RECEIVED→LISTEN (recv RST)',
			'0.5s server LISTEN→SYN-RECEIVED (recv SYN)',
			'0.5s server SYN-RECEIVED→ESTABLISHED (recv ACK)',
		]);
		expect(w.eps.client.state).toBe('ESTABLISHED');
	});
});
