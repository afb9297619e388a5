// The sockets of the two hosts, as Linux has them: the server's listening socket stays in LISTEN and
// makes one socket per connection (its SYN queue of requests, its accept queue of connections that
// wait for accept()); the client host has one socket per connect(), each with its own port.
// Segments find their socket by connection (the four-tuple), as __inet_lookup_skb does.
import type {Call} from './calls.js';
import {type Ctx, type ListenerView, type Tcb, newTcb, setState, stopTimer} from './endpoint.js';
import {maxAckBacklog} from './listen.js';
import type {Sysctls} from './profiles.js';
import type {Side} from './segment.js';
import {seqAdd} from './seq.js';

/** What sockets.ts needs of the world (world.ts holds more). */
export type Hosts = {
	now: number;
	readonly sysctls: Sysctls;
	/** Every socket, in the order it was made; a CLOSED one stays (its events keep their conn). */
	readonly socks: Tcb[];
	/** The server's listening socket (the latest listen()), or null before any. */
	listener: Tcb | null;
	/** How many listeners have been opened: a connection belongs to the one that made it. */
	listenerGen: number;
	/** The socket each side's calls and each lesson's questions mean: the latest connection's (the listener's before any). */
	readonly eps: Record<Side, Tcb>;
	/** Each connection's client port, by conn: two connections with the same port share a four-tuple. */
	readonly ports: number[];
	lastConn: number;
	/** The last port connect() picked. */
	lastPort: number;
};

const LIVE_NOT = new Set(['CLOSED', 'LISTEN']);

/** A socket that is part of a connection now (not closed, not a listener). */
export function live(tcb: Tcb): boolean {
	return !LIVE_NOT.has(tcb.state);
}

/** The listener's view for the connections it made: the SYN queue's requests and whether the accept queue is full. */
export function listenerView(h: Hosts, tcb: Tcb): ListenerView | undefined {
	const l = h.listener;
	if (!l || tcb.side !== 'server' || tcb === l || tcb.listenerGen !== h.listenerGen || l.state !== 'LISTEN') return undefined;
	return {synRequests: () => synRequests(h), acceptQueueFull: () => acceptQueueLength(h) > maxAckBacklog(h.sysctls)};
}

/** The listener's requests (inet_csk_reqsk_queue_len): half-open connections and a flood's spoofed SYNs. */
export function synRequests(h: Hosts): number {
	const l = h.listener;
	if (!l) return 0;
	let n = l.synQueue.length;
	for (const s of h.socks) if (s.side === 'server' && s.listenerGen === h.listenerGen && s !== l && s.state === 'SYN-RECEIVED' && s.passive) n++;
	return n;
}

/** Connections the handshake completed that accept() has not taken (sk_ack_backlog), oldest first. */
export function acceptQueue(h: Hosts): Tcb[] {
	const l = h.listener;
	if (!l || l.state !== 'LISTEN') return [];
	return h.socks.filter(s => waitsForAccept(h, l, s));
}

/** acceptQueue(h).length, counted (snapshots() asks at every segment). */
export function acceptQueueLength(h: Hosts): number {
	const l = h.listener;
	if (!l || l.state !== 'LISTEN') return 0;
	let n = 0;
	for (const s of h.socks) if (waitsForAccept(h, l, s)) n++;
	return n;
}

function waitsForAccept(h: Hosts, l: Tcb, s: Tcb): boolean {
	return s.side === 'server' && s !== l && s.listenerGen === h.listenerGen && s.passive && !s.accepted && live(s) && s.state !== 'SYN-RECEIVED';
}

/** The listener's queues as `ss -lnt` shows them (Recv-Q, Send-Q), and the SYN queue beside them. */
export function queues(h: Hosts): {syn: number; accept: number; backlog: number} | undefined {
	const l = h.listener;
	if (!l || l.state !== 'LISTEN') return undefined;
	return {syn: synRequests(h), accept: acceptQueueLength(h), backlog: maxAckBacklog(h.sysctls)};
}

/** A new socket on a host: it draws its ISNs from the host's shared list. */
export function newSocket(h: Hosts, side: Side, like: Tcb): Tcb {
	const tcb = newTcb(side, [], h.sysctls, like.cookieSecret);
	tcb.nextIsn = like.nextIsn; // one host, one ISN generator
	h.socks.push(tcb);
	return tcb;
}

/** Linux inet_csk_clone_lock: the listener makes the socket of a new connection (it starts as the listener's copy, in LISTEN). */
export function spawn(h: Hosts, conn: number): Tcb {
	const l = h.listener!;
	const child = newSocket(h, 'server', l);
	child.state = 'LISTEN';
	child.conn = conn;
	child.port = l.port;
	child.listenerGen = h.listenerGen;
	child.keepalive = l.keepalive; // SO_KEEPALIVE is inherited
	child.reuseAddr = l.reuseAddr;
	return child;
}

/**
 * The socket a segment of connection `conn` reaches on `side` (__inet_lookup_skb): the connection's own; else a live
 * socket of the same four-tuple (a TIME-WAIT socket, or the connection an old duplicate belongs to); else (server) the
 * listener, which makes a new one; else none (the host answers with RST).
 */
export function lookup(h: Hosts, side: Side, conn: number): {tcb: Tcb; kind: 'own' | 'listener' | 'none'} {
	const port = h.ports[conn];
	let tuple: Tcb | undefined;
	for (let i = h.socks.length - 1; i >= 0; i--) {
		const s = h.socks[i]!;
		if (s.side !== side || !live(s)) continue;
		if (s.conn === conn) return {tcb: s, kind: 'own'};
		if (port !== undefined && h.ports[s.conn] === port) tuple ??= s;
	}
	if (tuple) return {tcb: tuple, kind: 'own'};
	if (side === 'server' && h.listener?.state === 'LISTEN') return {tcb: h.listener, kind: 'listener'};
	const none = newTcb(side, [], h.sysctls);
	none.conn = conn;
	return {tcb: none, kind: 'none'};
}

/**
 * Linux tcp_timewait_state_process (TCP_TW_SYN): a new SYN for the four-tuple of a TIME-WAIT socket ends it and, if a
 * listener is there, opens a new connection through it, its ISN just above the old one (tw_snd_nxt + 65535 + 2), so no
 * old segment can be taken for new. (Linux checks that the SYN is newer by seq or, as here with timestamps on, by
 * timestamp.) Returns the new connection's socket, or undefined when nobody listens (the TIME-WAIT socket answers).
 */
export function synInTimeWait(h: Hosts, tw: Tcb, conn: number, ctxFor: (t: Tcb) => Ctx): Tcb | undefined {
	if (h.listener?.state !== 'LISTEN') return undefined;
	const iss = seqAdd(tw.sndNxt, 65537);
	stopTimer(tw, 'time-wait', ctxFor(tw));
	setState(tw, 'CLOSED', 'recv SYN in TIME-WAIT', ctxFor(tw));
	const child = spawn(h, conn);
	child.iss = iss;
	return child;
}

/** The host's client socket a call names ("" for the plain client), the latest of that name; a new one for a new name. */
export function clientSocket(h: Hosts, name: string): Tcb {
	for (let i = h.socks.length - 1; i >= 0; i--) {
		const s = h.socks[i]!;
		if (s.side === 'client' && s.name === name) return s;
	}
	const tcb = newSocket(h, 'client', h.eps.client);
	tcb.name = name;
	return tcb;
}

/** A new socket for the next connect() of a client whose old socket the application already closed. */
export function freshClient(h: Hosts, old: Tcb): Tcb {
	const tcb = newSocket(h, 'client', old);
	tcb.name = old.name;
	tcb.keepalive = null;
	return tcb;
}

/**
 * The port and ISN a connect() gets (Linux __inet_hash_connect, __inet_check_established, tcp_twsk_unique): a port no
 * socket uses; else a port whose only user is in TIME-WAIT, if tcp_tw_reuse allows taking it over (timestamps on, and
 * more than tcp_tw_reuse_delay since the peer's last segment; a port the application bound itself with SO_REUSEADDR
 * need not wait); else EADDRNOTAVAIL. A taken-over TIME-WAIT socket is gone, and the new ISN is tw_snd_nxt + 65537.
 */
export function pickPort(h: Hosts, bound: number | undefined): {port: number; reuse?: Tcb} | {error: string} {
	const s = h.sysctls;
	const used = new Map<number, Tcb[]>();
	for (const t of h.socks) if (t.side === 'client' && live(t)) used.set(t.port, [...(used.get(t.port) ?? []), t]);
	const [lo, hi] = bound === undefined ? s.localPorts : [bound, bound];
	const n = hi - lo + 1;
	// The kernel moves on from the last port it picked rather than take the same one again; a free port is found
	// within (ports in use + 1) tries, so the cost does not grow with the range.
	const start = h.lastPort >= lo && h.lastPort <= hi && bound === undefined ? h.lastPort - lo + 1 : 0;
	const tries = Math.min(n, used.size + 1);
	for (let i = 0; i < tries; i++) {
		const port = lo + ((start + i) % n);
		if (!used.has(port)) return {port};
	}
	// Every port is in use: one whose only user is in TIME-WAIT may be taken over.
	for (const [port, users] of used) {
		const tw = users[0];
		if (port < lo || port > hi || users.length !== 1 || tw?.state !== 'TIME-WAIT' || !s.timestamps || tw.lastHeardUs < 0) continue;
		const reuse = bound !== undefined || s.twReuse !== 0; // 2: loopback only, and every scenario runs on loopback
		if (reuse && (bound !== undefined || h.now - tw.lastHeardUs > s.twReuseDelayUs)) return {port, reuse: tw};
	}
	return {error: 'EADDRNOTAVAIL'};
}

/** listen(): a new listening socket, unless a socket of this host still holds the port (EADDRINUSE without SO_REUSEADDR). */
export function portHeld(h: Hosts, socket: Tcb, reuseAddr: boolean): boolean {
	// inet_csk_bind_conflict: a connection's socket on the port (TIME-WAIT included) blocks bind() unless SO_REUSEADDR is set.
	return h.socks.some(t => t.side === 'server' && t !== socket && live(t) && t.port === socket.port) && !reuseAddr;
}

/** accept(): take the oldest waiting connection (all of them with `all`); the number taken, or EAGAIN with none. */
export function accept(h: Hosts, call: Call): string {
	const l = h.listener;
	if (!l || l.state !== 'LISTEN') return 'EINVAL';
	const waiting = acceptQueue(h);
	const taken = call.all ? waiting : waiting.slice(0, 1);
	for (const t of taken) t.accepted = true;
	if (call.forUs !== undefined) l.acceptUntilUs = h.now + call.forUs;
	if (taken.length === 0) return call.forUs === undefined ? 'EAGAIN' : '0';
	return call.all ? String(taken.length) : 'ok';
}
