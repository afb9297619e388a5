// The world: two endpoints, the network between them and the clock. Deterministic: nothing reads
// a wall clock or Math.random. These functions change the world they are given (run() owns the
// one it creates); step() in run.ts is the pure form: step(world, event) → world' and its events.
import {type Call, applyCall} from './calls.js';
import {type Ctx, type Emit, type Tcb, type TimerKind, newTcb, setTimer, snapshot} from './endpoint.js';
import {type Flight, type NetRule, fateOf, takeRule} from './network.js';
import {type Profile, type Sysctls} from './profiles.js';
import {nextSynQueueUs, synQueueRoom} from './listen.js';
import {receive} from './receive.js';
import {type Segment, type Side, flagsOf, peerOf} from './segment.js';
import {seqRelative} from './seq.js';
import {fireTimer, keepaliveHeard} from './timers.js';
import {type TraceEvent, secondsOf} from './trace.js';

export type World = {
	now: number;
	readonly profile: Profile;
	readonly sysctls: Sysctls;
	readonly latencyUs: number;
	readonly eps: Record<Side, Tcb>;
	inFlight: Flight[];
	rules: NetRule[];
	/** Tie-breaker for events at the same instant: first queued, first handled. */
	order: number;
	nextId: number;
	/** Each side's current connection's ISN (its latest own SYN, never an injected one): the base of relative numbers. */
	/** A host that powered off: every segment sent to it is lost, and it sends nothing. */
	off: Partial<Record<Side, boolean>>;
	/** The number of the last connection begun (the trace's "conn"). */
	lastConn: number;
	isnSeen: Partial<Record<Side, number>>;
	events: TraceEvent[];
	/** Segments (by id) whose `after` snapshot is due once the current event is handled. */
	pendingSnapshots: number[];
	/** Each segment handed to an endpoint, in arrival order: its flight id and events.length at that moment. */
	arrivals: {readonly id: number; readonly event: number}[];
	/** Where each segment's event sits in `events`, by flight id: found without a scan, so cost stays linear in segments. */
	segmentAt: number[];
};

export type WorldOptions = {
	readonly profile: Profile;
	readonly sysctls: Sysctls;
	readonly latencyUs: number;
	/** ISNs for each side's connections, in the order they will be used. */
	readonly isns: Record<Side, number[]>;
	readonly cookieSecret: number;
};

export function createWorld(o: WorldOptions): World {
	return {
		now: 0, profile: o.profile, sysctls: o.sysctls, latencyUs: o.latencyUs,
		eps: {client: newTcb('client', o.isns.client, o.sysctls), server: newTcb('server', o.isns.server, o.sysctls, o.cookieSecret)},
		inFlight: [], rules: [], order: 0, nextId: 1, off: {}, lastConn: 0, isnSeen: {}, events: [], arrivals: [], pendingSnapshots: [], segmentAt: [],
	};
}

function ctxFor(w: World, side: Side): Ctx {
	return {now: w.now, profile: w.profile, sysctls: w.sysctls, emit: (e: Emit) => route(w, side, e)};
}

/** Turn an endpoint's emit into a trace event, and a sent segment into a flight. */
function route(w: World, side: Side, e: Emit): void {
	const t = secondsOf(w.now);
	const conn = w.eps[side].conn;
	switch (e.kind) {
		case 'send': return put(w, side, e.seg);
		case 'state': w.events.push({type: 'state', t, endpoint: side, conn, from: e.from, to: e.to, cause: e.cause}); return;
		case 'call': w.events.push({type: 'call', t, endpoint: side, conn, call: e.call, result: e.result}); return;
		case 'timer': w.events.push({type: 'timer', t, endpoint: side, conn, timer: e.timer, action: e.action,
			...(e.durationUs === undefined ? {} : {duration: secondsOf(e.durationUs)})}); return;
		case 'syncookie': w.events.push({type: 'note', t, endpoint: side, conn, note: `SYN cookie ${e.outcome}`}); return;
		case 'drop': w.events.push({type: 'note', t, endpoint: side, conn, note: `segment dropped: ${e.reason}`}); return;
	}
}

/** A segment leaves `from`: the scenario's rules decide its fate. */
function put(w: World, from: Side, seg: Segment, injected = false): void {
	const to = peerOf(from);
	// Wireshark's relative numbers: a SYN the endpoint itself sends starts a connection; an old or spoofed one does not.
	if (seg.ctl === 'SYN' && !injected) w.isnSeen[from] = seg.seq;
	// An injected segment (an old duplicate, a spoofed one) belongs to no connection of this run: it gets a number of its own.
	const conn = injected ? ++w.lastConn : w.eps[from].conn;
	const rule = w.off[to] ? undefined : takeRule(w.rules, from, seg);
	const fate = w.off[to] ? 'dropped' : fateOf(rule); // a host that is off answers nothing
	const id = w.nextId++;
	const extra = rule?.action === 'delay' ? rule.byUs ?? 0 : 0;
	w.segmentAt[id] = w.events.length;
	w.events.push({
		type: 'segment', t: secondsOf(w.now), from, to, conn, flags: flagsOf(seg), seq: seg.seq, ack: seg.ack,
		len: seg.len, win: seg.win, fate, ...(extra > 0 ? {delayed: secondsOf(extra)} : {}),
		rel: {seq: relative(w, from, seg.seq), ack: seg.ack === null ? null : relative(w, to, seg.ack)}, id,
	});
	if (fate === 'dropped') {
		w.pendingSnapshots.push(id); // lost: nothing changes because of it
		return;
	}
	const at = w.now + w.latencyUs + extra;
	const held = w.inFlight.filter(f => f.from === from && f.at === Infinity);
	w.inFlight.push({id, seg, from, to, conn, at: rule?.action === 'reorder' ? Infinity : at, order: w.order++});
	if (fate === 'duplicated') w.inFlight.push({id, seg, from, to, conn, at, order: w.order++});
	// A reorder rule held an earlier segment back: it arrives right after this one.
	for (const f of held) {
		f.at = at;
		f.order = w.order++;
	}
}

function relative(w: World, side: Side, n: number): number {
	const base = w.isnSeen[side];
	return base === undefined ? n : seqRelative(n, base);
}

/** Spoofed SYNs from addresses that never answer: each takes a SYN-queue slot until its SYN-ACK retries run out. */
export function flood(w: World, syns: number): void {
	const server = w.eps.server;
	const t = secondsOf(w.now);
	if (server.state !== 'LISTEN' && server.state !== 'SYN-RECEIVED') {
		// No listener: the kernel answers each SYN with an RST (RFC 9293 3.10.7.1); summarised, not drawn.
		w.events.push({type: 'flood', t, endpoint: 'server', syns, queued: 0, cookies: 0, dropped: syns});
		return;
	}
	// Linux tcp_conn_request, SYN by SYN: a request while there is room, else a cookie or a drop.
	const ctx = ctxFor(w, 'server');
	let cookies = 0;
	let dropped = 0;
	for (let i = 0; i < syns; i++) {
		const room = synQueueRoom(server, ctx);
		if (room === 'queue') server.synQueue.push({numTimeout: 0, nextUs: w.now + w.sysctls.rtoInitialUs});
		else if (room === 'cookie') cookies++;
		else dropped++;
	}
	w.events.push({type: 'flood', t, endpoint: 'server', syns, queued: server.synQueue.length, cookies, dropped});
	const next = nextSynQueueUs(server);
	if (next !== undefined && server.timers['syn-queue'] === undefined) setTimer(server, 'syn-queue', next - w.now, ctx);
}

/** An application call on one endpoint, at the current instant. */
export function call(w: World, side: Side, c: Call, conn?: number): string {
	const tcb = w.eps[side];
	if (c.name === 'listen' && tcb.state === 'CLOSED') tcb.conn = 0; // a listener belongs to no connection
	if (c.name === 'connect' && tcb.state === 'CLOSED') tcb.conn = conn ?? ++w.lastConn; // connect() begins the next connection
	const result = applyCall(tcb, c, ctxFor(w, side));
	if (c.name === 'poweroff') w.off[side] = true; // from now on nothing reaches it (the peer finds out by timeouts)
	return result;
}

/** Add a network rule that applies to the segments sent from now on. */
export function addRule(w: World, rule: NetRule): void {
	w.rules.push(rule);
}

/** Put an arbitrary segment on the wire, as if `from` had sent it (an old duplicate, a spoofed packet). */
export function inject(w: World, from: Side, seg: Segment): void {
	put(w, from, seg, true);
}

type Next = {kind: 'arrive'; flight: Flight; at: number} | {kind: 'timer'; side: Side; timer: TimerKind; at: number};

const TIMER_ORDER: readonly TimerKind[] = ['delayed-ack', 'retransmit', 'keepalive', 'fin-wait-2', 'time-wait', 'syn-queue'];

function nextEvent(w: World): Next | undefined {
	let best: Next | undefined;
	let bestOrder = Infinity;
	for (const f of w.inFlight) {
		if (f.at === Infinity) continue;
		if (!best || f.at < best.at || (f.at === best.at && f.order < bestOrder)) {
			best = {kind: 'arrive', flight: f, at: f.at};
			bestOrder = f.order;
		}
	}
	for (const side of ['client', 'server'] as const) {
		for (const timer of TIMER_ORDER) {
			const at = w.eps[side].timers[timer];
			if (at !== undefined && (!best || at < best.at)) best = {kind: 'timer', side, timer, at};
		}
	}
	return best;
}

function handle(w: World, n: Next): void {
	w.now = Math.max(w.now, n.at);
	if (n.kind === 'arrive') {
		w.inFlight.splice(w.inFlight.indexOf(n.flight), 1); // in place: no new array for every arrival
		w.arrivals.push({id: n.flight.id, event: w.events.length});
		markArrival(w, n.flight.id);
		// A socket with no connection of its own (closed, listening, in TIME-WAIT) answers for the segment's connection, and
		// keeps that number if the segment opened a connection on it (a listener's SYN, a SYN that ends TIME-WAIT).
		const tcb = w.eps[n.flight.to];
		const own = tcb.conn;
		const unattached = tcb.state === 'CLOSED' || tcb.state === 'LISTEN' || tcb.state === 'TIME-WAIT';
		if (unattached) tcb.conn = n.flight.conn;
		receive(tcb, n.flight.seg, ctxFor(w, n.flight.to));
		if (unattached && (tcb.state === 'CLOSED' || tcb.state === 'LISTEN' || tcb.state === 'TIME-WAIT')) tcb.conn = own;
		keepaliveHeard(w.eps[n.flight.to], ctxFor(w, n.flight.to));
		w.pendingSnapshots.push(n.flight.id);
	} else {
		fireTimer(w.eps[n.side], n.timer, ctxFor(w, n.side));
	}
	takeSnapshots(w);
}

/** Note where in the trace a segment arrived, so that a reader can tell its effects from what happened while it travelled. */
function markArrival(w: World, id: number): void {
	const e = w.events[w.segmentAt[id]!];
	if (e?.type === 'segment' && e.arrived === undefined) e.arrived = w.events.length; // a duplicate's second copy keeps the first arrival
}

/** Record both endpoints on the segments just handled (the first arrival wins for a duplicate). */
export function takeSnapshots(w: World): void {
	if (w.pendingSnapshots.length === 0) return;
	const after = {client: snapshot(w.eps.client), server: snapshot(w.eps.server)};
	for (const id of w.pendingSnapshots) {
		const e = w.events[w.segmentAt[id]!];
		if (e?.type === 'segment' && e.after === undefined) e.after = after;
	}
	w.pendingSnapshots = [];
}

/** Run until no segment is in flight; timers fire only while the clock moves towards an arrival. */
export function settle(w: World, maxEvents = 100_000): void {
	for (let i = 0; i < maxEvents; i++) {
		if (w.inFlight.length === 0) return;
		if (w.inFlight.every(f => f.at === Infinity)) {
			// Nothing else was sent: a held segment is released after all.
			for (const f of w.inFlight) f.at = w.now + w.latencyUs;
		}
		const n = nextEvent(w);
		if (!n) return;
		handle(w, n);
	}
	throw new Error('simulation did not settle (a segment loop?)');
}

/** Advance the clock by `us`: every arrival and timer due by then happens, in time order. */
export function advance(w: World, us: number, maxEvents = 100_000): void {
	const until = w.now + us;
	for (let i = 0; i < maxEvents; i++) {
		const n = nextEvent(w);
		if (!n || n.at > until) {
			w.now = until;
			return settle(w);
		}
		handle(w, n);
	}
	throw new Error('simulation did not settle (a timer loop?)');
}

/** Advance until nothing is in flight and no timer is pending (or `limitUs` passes). */
export function runOut(w: World, limitUs = 3600 * 1e6, maxEvents = 100_000): void {
	const until = w.now + limitUs;
	for (let i = 0; i < maxEvents; i++) {
		settle(w);
		const n = nextEvent(w);
		if (!n || n.at > until) return;
		handle(w, n);
	}
	throw new Error('simulation did not run out (a timer loop?)');
}
