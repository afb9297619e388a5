// Fixtures for segment-level tests, after smoltcp's socket/tcp.rs tests: one TCB, fixed ISNs,
// segments built from a template plus overrides, and states built on each other
// (timeWait() starts from finWait2(), which starts from finWait1() ...).
import {type Call, applyCall} from '../../src/sim/calls.js';
import {type Ctx, type Emit, type State, type Tcb, newTcb} from '../../src/sim/endpoint.js';
import {DEFAULT_SYSCTLS, PROFILES, type ProfileName, type Sysctls} from '../../src/sim/profiles.js';
import {receive} from '../../src/sim/receive.js';
import type {Segment, Side} from '../../src/sim/segment.js';
import {fireTimer} from '../../src/sim/timers.js';

export const CLIENT_ISN = 1000;
export const SERVER_ISN = 5000;
export const MS = 1000;
export const S = 1_000_000;

/** One endpoint under test: its TCB, the clock, and what it emitted since the last operation. */
export type Host = {
	readonly tcb: Tcb;
	now: number;
	readonly profile: ProfileName;
	readonly sysctls: Sysctls;
	log: Emit[];
};

export type Options = {readonly profile?: ProfileName; readonly sysctls?: Partial<Sysctls>; readonly isns?: number[]};

/** What a test compares: a segment without its window. */
export type Out = {readonly seq: number; readonly ack: number | null; readonly ctl: Segment['ctl']; readonly len: number};

export function host(side: Side, o: Options = {}): Host {
	const sysctls = {...DEFAULT_SYSCTLS, ...o.sysctls};
	const isns = o.isns ?? (side === 'client' ? [CLIENT_ISN, CLIENT_ISN + 100_000] : [SERVER_ISN, SERVER_ISN + 100_000]);
	return {tcb: newTcb(side, isns, sysctls), now: 0, profile: o.profile ?? 'linux', sysctls, log: []};
}

function ctxOf(h: Host): Ctx {
	return {now: h.now, profile: PROFILES[h.profile], sysctls: h.sysctls, emit: e => h.log.push(e)};
}

function sentSince(h: Host, from: number): Out[] {
	return h.log.slice(from).flatMap(e => (e.kind === 'send' ? [project(e.seg)] : []));
}

export function project(seg: Segment): Out {
	return {seq: seg.seq, ack: seg.ack, ctl: seg.ctl, len: seg.len};
}

/** Feed one segment in; returns the segments that came out. */
export function recv(h: Host, seg: Segment): Out[] {
	h.log = [];
	receive(h.tcb, seg, ctxOf(h));
	return sentSince(h, 0);
}

/** The application calls; returns the segments that came out (the call's result is in `h.log`). */
export function act(h: Host, c: Call | Call['name']): Out[] {
	h.log = [];
	applyCall(h.tcb, typeof c === 'string' ? {name: c} : c, ctxOf(h));
	return sentSince(h, 0);
}

/** Advance the clock by `us`, firing every timer due by then in time order; returns what came out. */
export function tick(h: Host, us: number): Out[] {
	h.log = [];
	const until = h.now + us;
	for (;;) {
		const due = (Object.entries(h.tcb.timers) as [keyof Tcb['timers'], number][])
			.filter(([, at]) => at <= until).sort((a, b) => a[1] - b[1])[0];
		if (!due) break;
		h.now = due[1];
		fireTimer(h.tcb, due[0], ctxOf(h));
	}
	h.now = until;
	return sentSince(h, 0);
}

/** The state changes in the last operation, as "A → B (cause)". */
export function changes(h: Host): string[] {
	return h.log.flatMap(e => (e.kind === 'state' ? [`${e.from} → ${e.to} (${e.cause})`] : []));
}

/** The last call's result. */
export function result(h: Host): string | undefined {
	return h.log.flatMap(e => (e.kind === 'call' ? [e.result] : [])).at(-1);
}

/** When each pending timer fires, relative to now. */
export function timersIn(h: Host): Partial<Record<keyof Tcb['timers'], number>> {
	return Object.fromEntries(Object.entries(h.tcb.timers).map(([k, at]) => [k, at - h.now]));
}

// --- Segments: a template plus overrides ---------------------------------------

export function seg(o: Partial<Segment> = {}): Segment {
	return {seq: 0, ack: null, ctl: null, len: 0, win: 65535, ...o};
}

/** A segment from the server once synchronized: seq = server ISN + 1, ack = client ISN + 1. */
export function fromServer(o: Partial<Segment> = {}): Segment {
	return seg({seq: SERVER_ISN + 1, ack: CLIENT_ISN + 1, ...o});
}

/** A segment from the client once synchronized: seq = client ISN + 1, ack = server ISN + 1. */
export function fromClient(o: Partial<Segment> = {}): Segment {
	return seg({seq: CLIENT_ISN + 1, ack: SERVER_ISN + 1, ...o});
}

/** Expected segments, written as people write them. */
export const out = {
	syn: (seq: number): Out => ({seq, ack: null, ctl: 'SYN', len: 0}),
	synAck: (seq: number, ack: number): Out => ({seq, ack, ctl: 'SYN', len: 0}),
	ack: (seq: number, ack: number): Out => ({seq, ack, ctl: null, len: 0}),
	data: (seq: number, ack: number, len: number): Out => ({seq, ack, ctl: null, len}),
	finAck: (seq: number, ack: number): Out => ({seq, ack, ctl: 'FIN', len: 0}),
	rst: (seq: number): Out => ({seq, ack: null, ctl: 'RST', len: 0}),
	rstAck: (seq: number, ack: number): Out => ({seq, ack, ctl: 'RST', len: 0}),
};

// --- States, each built from the one before ------------------------------------

function expectState(h: Host, state: State): Host {
	if (h.tcb.state !== state) throw new Error(`fixture: expected ${state}, got ${h.tcb.state}`);
	h.log = [];
	return h;
}

export function closed(side: Side = 'client', o: Options = {}): Host {
	return expectState(host(side, o), 'CLOSED');
}

/** Client: connect() sent SYN seq=1000. */
export function synSent(o: Options = {}): Host {
	const h = closed('client', o);
	act(h, 'connect');
	return expectState(h, 'SYN-SENT');
}

/** Client: SYN,ACK seq=5000 ack=1001 arrived; client ACKed; SND.NXT=1001, RCV.NXT=5001. */
export function established(o: Options = {}): Host {
	const h = synSent(o);
	recv(h, seg({seq: SERVER_ISN, ack: CLIENT_ISN + 1, ctl: 'SYN'}));
	return expectState(h, 'ESTABLISHED');
}

/** Client: close() sent FIN seq=1001; SND.NXT=1002. */
export function finWait1(o: Options = {}): Host {
	const h = established(o);
	act(h, 'close');
	return expectState(h, 'FIN-WAIT-1');
}

/** Client: the server ACKed the FIN (ack=1002). */
export function finWait2(o: Options = {}): Host {
	const h = finWait1(o);
	recv(h, fromServer({ack: CLIENT_ISN + 2}));
	return expectState(h, 'FIN-WAIT-2');
}

/** Client: the server's FIN seq=5001 arrived and was ACKed; RCV.NXT=5002. */
export function timeWait(o: Options = {}): Host {
	const h = finWait2(o);
	recv(h, fromServer({ack: CLIENT_ISN + 2, ctl: 'FIN'}));
	return expectState(h, 'TIME-WAIT');
}

/** Client: the server's FIN crossed ours (ack=1001 does not cover our FIN); RCV.NXT=5002. */
export function closing(o: Options = {}): Host {
	const h = finWait1(o);
	recv(h, fromServer({ctl: 'FIN'}));
	return expectState(h, 'CLOSING');
}

/** Server: listen(). */
export function listen(o: Options = {}): Host {
	const h = closed('server', o);
	act(h, 'listen');
	return expectState(h, 'LISTEN');
}

/** Server: SYN seq=1000 arrived; SYN,ACK seq=5000 ack=1001 went out. */
export function synReceived(o: Options = {}): Host {
	const h = listen(o);
	recv(h, seg({seq: CLIENT_ISN, ctl: 'SYN'}));
	return expectState(h, 'SYN-RECEIVED');
}

/** Server: the handshake's ACK (seq=1001 ack=5001) arrived. */
export function serverEstablished(o: Options = {}): Host {
	const h = synReceived(o);
	recv(h, fromClient());
	return expectState(h, 'ESTABLISHED');
}

/** Server: the client's FIN seq=1001 arrived; RCV.NXT=1002 (on linux the ACK is still delayed). */
export function closeWait(o: Options = {}): Host {
	const h = serverEstablished(o);
	recv(h, fromClient({ctl: 'FIN'}));
	return expectState(h, 'CLOSE-WAIT');
}

/** Server: close() sent FIN,ACK seq=5001 ack=1002; SND.NXT=5002. */
export function lastAck(o: Options = {}): Host {
	const h = closeWait(o);
	act(h, 'close');
	return expectState(h, 'LAST-ACK');
}
