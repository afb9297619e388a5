// The world: the two hosts' sockets (sockets.ts; the application's calls on them: app-calls.ts), the network between them and the clock. Deterministic: nothing reads
// a wall clock or Math.random. These functions change the world they are given (run() owns the
// one it creates); step() in run.ts is the pure form: step(world, event) → world' and its events.
import {freshSocket} from './calls.js';
import {type Ctx, type Emit, type Snapshot, type Tcb, type TimerKind, newTcb, setTimer, snapshot} from './endpoint.js';
import {type Flight, type NetRule, fateOf, takeRule} from './network.js';
import {type Profile, type Sysctls} from './profiles.js';
import {nextSynQueueUs, onListen, synQueueRoom} from './listen.js';
import {receive} from './receive.js';
import {type Hosts, acceptQueueLength, listenerView, live, lookup, queues, spawn, synInTimeWait, synRequests} from './sockets.js';
import {type Segment, type Side, flagsOf, peerOf} from './segment.js';
import {seqRelative} from './seq.js';
import {fireTimer, keepaliveHeard} from './timers.js';
import {type TraceEvent, secondsOf} from './trace.js';

export type World = Hosts & {
	now: number;
	readonly profile: Profile;
	readonly sysctls: Sysctls;
	readonly latencyUs: number;
	/** Where the scenario binds each side (client.port, server.port). */
	readonly bind: {readonly client?: number; readonly server: number};
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
	/** The same per connection: each connection's numbers are relative to its own ISNs, as Wireshark counts each stream. */
	isnByConn: Partial<Record<Side, number>>[];
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
	readonly bind?: {readonly client?: number; readonly server?: number};
};

export function createWorld(o: WorldOptions): World {
	const client = newTcb('client', o.isns.client, o.sysctls);
	const server = newTcb('server', o.isns.server, o.sysctls, o.cookieSecret);
	return {
		now: 0, profile: o.profile, sysctls: o.sysctls, latencyUs: o.latencyUs, bind: {client: o.bind?.client, server: o.bind?.server ?? 5000},
		eps: {client, server}, socks: [client, server], listener: null, listenerGen: 0, ports: [], lastPort: 0,
		inFlight: [], rules: [], order: 0, nextId: 1, off: {}, lastConn: 0, isnSeen: {}, isnByConn: [], events: [], arrivals: [], pendingSnapshots: [], segmentAt: [],
	};
}

export function ctxFor(w: World, tcb: Tcb): Ctx {
	const listener = listenerView(w, tcb);
	return {now: w.now, profile: w.profile, sysctls: w.sysctls, emit: (e: Emit) => route(w, tcb, e), order: () => w.order++, ...(listener ? {listener} : {})};
}

/** Turn a socket's emit into a trace event, and a sent segment into a flight. */
function route(w: World, tcb: Tcb, e: Emit): void {
	const t = secondsOf(w.now);
	const side = tcb.side;
	const conn = tcb.conn;
	switch (e.kind) {
		case 'send': return put(w, tcb, e.seg);
		case 'state': w.events.push({type: 'state', t, endpoint: side, conn, from: e.from, to: e.to, cause: e.cause}); return;
		case 'call': w.events.push({type: 'call', t, endpoint: side, conn, call: e.call, result: e.result}); return;
		case 'timer': // two literals, not a spread of `duration`: a timer is set or stopped at nearly every segment
			w.events.push(e.durationUs === undefined ? {type: 'timer', t, endpoint: side, conn, timer: e.timer, action: e.action}
				: {type: 'timer', t, endpoint: side, conn, timer: e.timer, action: e.action, duration: secondsOf(e.durationUs)});
			return;
		case 'syncookie': w.events.push({type: 'note', t, endpoint: side, conn, note: `SYN cookie ${e.outcome}`}); return;
		case 'drop': w.events.push({type: 'note', t, endpoint: side, conn, note: `segment dropped: ${e.reason}`}); return;
	}
}

/** A segment leaves the socket `sender`: the scenario's rules decide its fate. */
function put(w: World, sender: Tcb, seg: Segment, injected = false): void {
	const from = sender.side;
	const to = peerOf(from);
	// Wireshark's relative numbers: a SYN the endpoint itself sends starts a connection; an old or spoofed one does not.
	if (seg.ctl === 'SYN' && !injected) {
		w.isnSeen[from] = seg.seq;
		(w.isnByConn[sender.conn] ??= {})[from] ??= seg.seq; // Wireshark keeps a stream's first ISN as its base
	}
	// An injected segment (an old duplicate, a spoofed one) belongs to no connection of this run: it gets a number of its
	// own, and the four-tuple of the client's current socket (an old duplicate of its connection).
	const conn = injected ? ++w.lastConn : sender.conn;
	if (injected) w.ports[conn] = w.eps.client.port;
	const rule = w.off[to] ? undefined : takeRule(w.rules, from, seg, sender.name);
	const fate = w.off[to] ? 'dropped' : fateOf(rule); // a host that is off answers nothing
	const id = w.nextId++;
	const extra = rule?.action === 'delay' ? rule.byUs ?? 0 : 0;
	w.segmentAt[id] = w.events.length;
	const t = secondsOf(w.now);
	const flags = flagsOf(seg);
	const rel = {seq: relative(w, from, seg.seq, conn), ack: seg.ack === null ? null : relative(w, to, seg.ack, conn)};
	// Two literals rather than a spread of `delayed` (a spread in the middle of a literal costs every segment); `arrived`
	// and `after`, set later in that order, have their places from the start, so every segment keeps one hidden class.
	w.events.push(extra > 0
		? {type: 'segment', t, from, to, conn, flags, seq: seg.seq, ack: seg.ack, len: seg.len, win: seg.win, fate, delayed: secondsOf(extra), rel, id, arrived: undefined, after: undefined}
		: {type: 'segment', t, from, to, conn, flags, seq: seg.seq, ack: seg.ack, len: seg.len, win: seg.win, fate, rel, id, arrived: undefined, after: undefined});
	if (fate === 'dropped') {
		w.pendingSnapshots.push(id); // lost: nothing changes because of it
		return;
	}
	const at = w.now + w.latencyUs + extra;
	const held = w.inFlight.some(f => f.at === Infinity) ? w.inFlight.filter(f => f.from === from && f.at === Infinity) : []; // reorder rules are rare
	w.inFlight.push({id, seg, from, to, conn, at: rule?.action === 'reorder' ? Infinity : at, order: w.order++});
	if (fate === 'duplicated') w.inFlight.push({id, seg, from, to, conn, at, order: w.order++});
	// A reorder rule held an earlier segment back: it arrives right after this one.
	for (const f of held) {
		f.at = at;
		f.order = w.order++;
	}
}

function relative(w: World, side: Side, n: number, conn: number): number {
	// A connection's own ISN; a connection whose side sent no SYN (a refused one) has none; an injected segment counts from the current one's.
	const own = w.isnByConn[conn];
	const base = own ? own[side] : w.isnSeen[side];
	return base === undefined ? n : seqRelative(n, base);
}

/** Spoofed SYNs from addresses that never answer: each takes a SYN-queue slot until its SYN-ACK retries run out. */
export function flood(w: World, syns: number): void {
	const t = secondsOf(w.now);
	const listener = w.listener;
	if (listener?.state !== 'LISTEN') {
		// No listener: the kernel answers each SYN with an RST (RFC 9293 3.10.7.1); summarised, not drawn.
		w.events.push({type: 'flood', t, endpoint: 'server', syns, queued: 0, cookies: 0, dropped: syns});
		return;
	}
	// Linux tcp_conn_request, SYN by SYN: a request while there is room, else a cookie or a drop.
	const ctx = ctxFor(w, listener);
	let cookies = 0;
	let dropped = 0;
	const full = () => acceptQueueLength(w) > Math.min(w.sysctls.backlog, w.sysctls.somaxconn);
	for (let i = 0; i < syns; i++) {
		const room = full() ? 'drop' : synQueueRoom(synRequests(w), ctx);
		if (room === 'queue') listener.synQueue.push({numTimeout: 0, nextUs: w.now + w.sysctls.rtoInitialUs});
		else if (room === 'cookie') cookies++;
		else dropped++;
	}
	w.events.push({type: 'flood', t, endpoint: 'server', syns, queued: listener.synQueue.length, cookies, dropped});
	const next = nextSynQueueUs(listener);
	if (next !== undefined && listener.timers['syn-queue'] === undefined) setTimer(listener, 'syn-queue', next - w.now, ctx);
}

/** Add a network rule that applies to the segments sent from now on. */
export function addRule(w: World, rule: NetRule): void {
	w.rules.push(rule);
}

/** Put an arbitrary segment on the wire, as if `from` had sent it (an old duplicate, a spoofed packet). */
export function inject(w: World, from: Side, seg: Segment): void {
	put(w, w.eps[from], seg, true);
}

type Next = {kind: 'arrive'; flight: Flight; at: number} | {kind: 'timer'; tcb: Tcb; timer: TimerKind; at: number};

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
	// Linux runs every timer due in a tick (the TIMER softirq) before the segments they send are received (NET_RX, later
	// in the same softirq pass): at one instant, timers come before arrivals. Among them, __run_timers expires the wheel's
	// coarser levels first (timers set further ahead), and in one bucket the last one set first (hlist_add_head).
	let rankLevel = -Infinity;
	let rankOrder = -Infinity;
	for (const tcb of w.socks) {
		for (const timer of TIMER_ORDER) {
			const at = tcb.timers[timer];
			if (at === undefined || (best && at > best.at)) continue;
			const level = wheelLevel(tcb.timerSetUs[timer] ?? 0);
			const order = tcb.timerOrder[timer] ?? 0;
			if (!best || at < best.at || best.kind === 'arrive' || level > rankLevel || (level === rankLevel && order > rankOrder)) {
				best = {kind: 'timer', tcb, timer, at};
				rankLevel = level;
				rankOrder = order;
			}
		}
	}
	return best;
}

/** Linux calc_wheel_index: the timer wheel level of a timer set this far ahead (HZ=250: 4 ms jiffies; 63 << 3n jiffies each). */
function wheelLevel(us: number): number {
	const jiffies = Math.ceil(us / 4000);
	let level = 0;
	while (level < 8 && jiffies >= 63 * 8 ** level) level++;
	return level;
}

function handle(w: World, n: Next): void {
	w.now = Math.max(w.now, n.at);
	if (n.kind === 'arrive') {
		w.inFlight.splice(w.inFlight.indexOf(n.flight), 1); // in place: no new array for every arrival
		w.arrivals.push({id: n.flight.id, event: w.events.length});
		markArrival(w, n.flight.id);
		arrive(w, n.flight);
		w.pendingSnapshots.push(n.flight.id);
	} else {
		fireTimer(n.tcb, n.timer, ctxFor(w, n.tcb));
		settleSocket(w, n.tcb);
	}
	takeSnapshots(w);
}

/** A segment reaches its host: the socket of its four-tuple, the listener, or nobody. */
function arrive(w: World, f: Flight): void {
	const found = lookup(w, f.to, f.conn);
	let tcb = found.tcb;
	const syn = f.seg.ctl === 'SYN' && f.seg.ack === null;
	if (tcb.state === 'TIME-WAIT' && syn && tcb.conn !== f.conn) {
		const child = synInTimeWait(w, tcb, f.conn, t => ctxFor(w, t));
		if (child) {
			freshSocket(child);
			onListen(child, f.seg, ctxFor(w, child), child.iss);
			return adopt(w, child);
		}
	}
	if (found.kind === 'listener') {
		// A new connection: the listener makes its socket, which stays only if the SYN opened it (a cookie ACK too).
		tcb = spawn(w, f.conn);
		receive(tcb, f.seg, ctxFor(w, tcb));
		return adopt(w, tcb);
	}
	if (found.kind === 'own') tcb.lastHeardUs = w.now;
	receive(tcb, f.seg, ctxFor(w, tcb));
	keepaliveHeard(tcb, ctxFor(w, tcb));
	settleSocket(w, tcb);
}

/** A socket the listener made: kept, and now the server's socket, once it holds a connection; forgotten otherwise. */
function adopt(w: World, child: Tcb): void {
	child.lastHeardUs = w.now;
	if (!live(child)) return forget(w, child);
	w.eps.server = child;
	settleSocket(w, child);
}

/** After a socket changed: a request that fell back to LISTEN is forgotten; a new connection may be accepted at once. */
function settleSocket(w: World, tcb: Tcb): void {
	if (tcb.side !== 'server' || tcb === w.listener) return;
	if (tcb.state === 'LISTEN') return forget(w, tcb);
	const l = w.listener;
	if (l && tcb.listenerGen === w.listenerGen && !tcb.accepted && live(tcb) && tcb.state !== 'SYN-RECEIVED' && w.now < l.acceptUntilUs) tcb.accepted = true; // accept() in a loop takes it
}

/** A request that never became a connection: the listener alone answers for the server again. */
function forget(w: World, child: Tcb): void {
	const i = w.socks.indexOf(child);
	if (i >= 0) w.socks.splice(i, 1);
	if (w.eps.server === child && w.listener) w.eps.server = w.listener;
}

/** Note where in the trace a segment arrived, so that a reader can tell its effects from what happened while it travelled. */
function markArrival(w: World, id: number): void {
	const e = w.events[w.segmentAt[id]!];
	if (e?.type === 'segment' && e.arrived === undefined) e.arrived = w.events.length; // a duplicate's second copy keeps the first arrival
}

/** The latest snapshots() of each world, and the server's socket snapshot it was made from. */
const latest = new WeakMap<World, {readonly both: Record<Side, Snapshot>; readonly server: Snapshot}>();

/**
 * Both endpoints as a lesson sees them: each side's current socket, and the listener's queues beside the server's.
 * The same record as last time when nothing in it changed (records are never modified): most segments change neither side.
 */
export function snapshots(w: World): Record<Side, Snapshot> {
	const q = queues(w);
	const client = snapshot(w.eps.client);
	const server = snapshot(w.eps.server);
	const last = latest.get(w);
	const lastQueues = last?.both.server.queues;
	const sameQueues = lastQueues === q || (lastQueues !== undefined && q !== undefined && lastQueues.syn === q.syn && lastQueues.accept === q.accept && lastQueues.backlog === q.backlog);
	const sameServer = last !== undefined && last.server === server && sameQueues;
	if (sameServer && last.both.client === client) return last.both;
	const both = {client, server: sameServer ? last.both.server : q ? withQueues(server, sameQueues ? lastQueues! : q) : server};
	latest.set(w, {both, server});
	return both;
}

/** Spelled out: in Node 20, {...snapshot, queues} (a spread, then a key it did not have) takes microseconds. */
function withQueues(s: Snapshot, queues: NonNullable<Snapshot['queues']>): Snapshot {
	return {state: s.state, sndNxt: s.sndNxt, rcvNxt: s.rcvNxt, acked: s.acked, timers: s.timers, queues};
}

/** Record both endpoints on the segments just handled (the first arrival wins for a duplicate). */
export function takeSnapshots(w: World): void {
	if (w.pendingSnapshots.length === 0) return;
	const after = snapshots(w);
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
