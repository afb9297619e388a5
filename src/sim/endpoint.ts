// One endpoint's TCB and the application calls on it (RFC 9293 3.3.1, 3.10.1-3.10.6).
import type {Profile, Sysctls} from './profiles.js';
import {type Control, type Segment, type Side, seqLength} from './segment.js';
import {seqAdd, seqLe} from './seq.js';

/** The eleven states, spelled as RFC 9293 spells them. */
export const STATES = [
	'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1',
	'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
] as const;
export type State = (typeof STATES)[number];

export type TimerKind = 'retransmit' | 'delayed-ack' | 'time-wait' | 'fin-wait-2' | 'syn-queue' | 'keepalive';

/** A segment that occupies sequence space and waits for its ACK. */
export type Unacked = {readonly seq: number; readonly len: number; readonly ctl: Control; readonly psh?: boolean; readonly write?: number};

/** A segment that arrived ahead of RCV.NXT (kept, as Linux's out-of-order queue does). */
export type OutOfOrder = {readonly seq: number; readonly len: number; readonly fin: boolean};

export type Tcb = {
	readonly side: Side;
	state: State;
	iss: number;
	irs: number;
	sndUna: number;
	sndNxt: number;
	sndWnd: number;
	rcvNxt: number;
	rcvWnd: number;
	/** The retransmission queue: sent, not yet acknowledged. */
	rtxQueue: Unacked[];
	ooo: OutOfOrder[];
	/** Bytes the application wrote that wait for the connection to open (or for more, after MSG_MORE). */
	pendingSend: number;
	/** The last write said MSG_MORE: hold the data back until more comes or the FIN can carry it. */
	more: boolean;
	/** TCP_CORK is set: every write is held back like that until uncork or the FIN. */
	corked: boolean;
	/** Bytes received that the application has not read. */
	unread: number;
	/** The application can no longer write (shutdown or close): a FIN is due. */
	wrShut: boolean;
	/** close() was called: the socket is orphaned (no process holds it). */
	orphan: boolean;
	/** The peer's FIN arrived (reads return end of file). */
	peerFin: boolean;
	/** The listener's state came from a passive open (an RST in SYN-RECEIVED returns to LISTEN). */
	passive: boolean;
	/** Retransmissions of the segment at the head of rtxQueue (a tail-loss probe is not one). */
	retries: number;
	rtoUs: number;
	/** Timeouts since the connection began (Linux total_rto: the SYN's linear timeouts count them). */
	totalRto: number;
	/** A tail-loss probe is out for what is unacknowledged. */
	tlpOut: boolean;
	/** The seq of the segment last resent because a SACK showed it lost (RACK), so one loss is resent once. */
	rackSeq: number | null;
	/** The application's writes so far: segments of one write leave back to back. */
	writes: number;
	/** When the retransmission time budget started (Linux retrans_stamp): the SYN's first send, or the first retransmission. */
	retransStampUs: number | null;
	/** SO_KEEPALIVE with its idle time, interval and count (TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT). */
	keepalive: {readonly idleUs: number; readonly intvlUs: number; readonly probes: number} | null;
	/** Keepalive probes sent and not answered. */
	probesOut: number;
	/** Linux quickack budget; -1 until the first data arrives (tcp_event_data_recv). */
	quickAcks: number;
	/** Linux interactive ("pingpong") mode: delay ACKs hoping to piggyback them. */
	pingpong: boolean;
	lastDataRecvUs: number;
	/** Sequence space received since our last ACK went out. */
	unackedRecv: number;
	timers: Partial<Record<TimerKind, number>>;
	/** How long each pending timer was set for. */
	timerSetUs: Partial<Record<TimerKind, number>>;
	/** When each pending timer was set, as a running count: of timers due at one instant, the last set fires first. */
	timerOrder: Partial<Record<TimerKind, number>>;
	/** The ack number of the last ACK this side sent (null before any). */
	lastAckSent: number | null;
	/** Half-open requests in the SYN queue (a flood's spoofed SYNs): SYN-ACKs resent so far and when the next is due. */
	synQueue: {numTimeout: number; nextUs: number}[];
	/** ISNs for the next connections, drawn from the seed in advance. */
	nextIsn: number[];
	/** The key of this host's SYN cookies. */
	cookieSecret: number;
	/** The connection this socket belongs to now (the trace's "conn"): 0 while it listens or has none. */
	conn: number;
	/** The last error the application would see (ECONNREFUSED, ECONNRESET, ETIMEDOUT). */
	error: string | null;
	/** Which of the host's clients this socket is ("" for the scenario's one client, "A" for "client A"). */
	name: string;
	/** The local port (a client's distinguishes its four-tuples; the server's is its listening port). */
	port: number;
	/** A connection the listener made: which listener (its generation), and whether accept() has taken it yet. */
	listenerGen: number;
	accepted: boolean;
	/** SO_REUSEADDR was set before bind (listen reuseaddr, or a client bound to its own port). */
	reuseAddr: boolean;
	/** When a segment from the peer last arrived (Linux ts_recent_stamp: tcp_tw_reuse waits a second after it). */
	lastHeardUs: number;
	/** accept() runs in a loop until then (accept all for T): connections are taken as they complete. */
	acceptUntilUs: number;
};

/** What an endpoint does, for the world to route: a segment to send, or a trace note. */
export type Emit =
	| {readonly kind: 'send'; readonly seg: Segment}
	| {readonly kind: 'state'; readonly from: State; readonly to: State; readonly cause: string}
	| {readonly kind: 'timer'; readonly timer: TimerKind; readonly action: 'set' | 'fire' | 'stop'; readonly durationUs?: number}
	| {readonly kind: 'call'; readonly call: string; readonly result: string}
	| {readonly kind: 'syncookie'; readonly outcome: 'sent' | 'accepted'}
	| {readonly kind: 'drop'; readonly reason: string};

export type Ctx = {
	readonly now: number;
	readonly profile: Profile;
	readonly sysctls: Sysctls;
	emit(e: Emit): void;
	/** The listener a passive socket came from, and its two queues (absent for a socket no listener made). */
	readonly listener?: ListenerView;
	/** A running count the world keeps, to order what happens at one instant. */
	order?(): number;
};

/** What a connection the listener made needs to know of it (Linux's request and accept queues). */
export type ListenerView = {
	/** Requests in the SYN queue: half-open connections (SYN-RECEIVED) and a flood's spoofed ones. */
	synRequests(): number;
	/** sk_acceptq_is_full: more connections wait for accept() than the backlog. */
	acceptQueueFull(): boolean;
};

export function newTcb(side: Side, isns: number[], sysctls: Sysctls, cookieSecret = 0x9e3779b9): Tcb {
	const iss = isns[0] ?? 0;
	return {
		side, state: 'CLOSED', iss, irs: 0, sndUna: iss, sndNxt: iss, sndWnd: sysctls.window,
		rcvNxt: 0, rcvWnd: sysctls.window, rtxQueue: [], ooo: [], pendingSend: 0, more: false, corked: false, unread: 0,
		wrShut: false, orphan: false, peerFin: false, passive: false, retries: 0,
		rtoUs: sysctls.rtoInitialUs, totalRto: 0, tlpOut: false, rackSeq: null, writes: 0, retransStampUs: null, keepalive: null, probesOut: 0,
		quickAcks: -1, pingpong: false, lastDataRecvUs: -1,
		// RFC 9293 3.4.1: a fresh ISN per connection; the first takes isns[0] (a scenario's fixed ISN, Trace.isn).
		unackedRecv: 0, timers: {}, timerSetUs: {}, timerOrder: {}, lastAckSent: null, synQueue: [], nextIsn: isns.slice(), cookieSecret, conn: 0, error: null,
		name: '', port: 0, listenerGen: 0, accepted: false, reuseAddr: false, lastHeardUs: -1, acceptUntilUs: -1,
	};
}

/** Every change of state goes through here and is traced (smoltcp's set_state). */
export function setState(tcb: Tcb, to: State, cause: string, ctx: Ctx): void {
	if (tcb.state === to) return;
	const from = tcb.state;
	tcb.state = to;
	ctx.emit({kind: 'state', from, to, cause});
	if (to === 'CLOSED' || to === 'LISTEN') resetConnection(tcb, ctx);
}

/** Forget the connection (keep the listener's SYN queue). */
function resetConnection(tcb: Tcb, ctx: Ctx): void {
	for (const kind of ['retransmit', 'delayed-ack', 'time-wait', 'fin-wait-2', 'keepalive'] as const) stopTimer(tcb, kind, ctx);
	tcb.rtxQueue = [];
	tcb.ooo = [];
	tcb.pendingSend = 0;
	tcb.retries = 0;
	tcb.totalRto = 0;
	tcb.tlpOut = false;
	tcb.retransStampUs = null;
	tcb.probesOut = 0;
	tcb.quickAcks = -1;
	tcb.pingpong = false;
	tcb.lastDataRecvUs = -1; // Linux: a new socket's icsk_ack state starts empty, so its first delayed ACK waits one tick
	tcb.unackedRecv = 0;
}

export function setTimer(tcb: Tcb, kind: TimerKind, durationUs: number, ctx: Ctx): void {
	tcb.timers[kind] = ctx.now + durationUs;
	tcb.timerSetUs[kind] = durationUs;
	tcb.timerOrder[kind] = ctx.order?.() ?? 0;
	ctx.emit({kind: 'timer', timer: kind, action: 'set', durationUs});
}

/** What a lesson may ask about an endpoint at some instant. */
export type Snapshot = {
	readonly state: State;
	readonly sndNxt: number;
	readonly rcvNxt: number;
	/** Everything received has been acknowledged (no ACK is owed). */
	readonly acked: boolean;
	/** Pending timers and how long each was set for, in seconds. */
	readonly timers: readonly {readonly timer: TimerKind; readonly duration: number}[];
	/** The server's listener, while it listens: requests in its SYN queue, connections in its accept queue, the backlog in force. */
	readonly queues?: {readonly syn: number; readonly accept: number; readonly backlog: number};
};

/** Each socket's latest snapshot: a trace records one at every segment, and most of them equal the one before. */
const latest = new WeakMap<Tcb, Snapshot>();

/** The endpoint now: the latest snapshot itself when nothing in it changed (snapshots are never modified). */
export function snapshot(tcb: Tcb): Snapshot {
	const synced = tcb.state !== 'CLOSED' && tcb.state !== 'LISTEN' && tcb.state !== 'SYN-SENT';
	const acked = !synced || tcb.lastAckSent === tcb.rcvNxt;
	const last = latest.get(tcb);
	const sameTimers = last !== undefined && timersAre(tcb, last.timers);
	if (last && sameTimers && last.state === tcb.state && last.sndNxt === tcb.sndNxt && last.rcvNxt === tcb.rcvNxt && last.acked === acked) return last;
	const timers = sameTimers ? last.timers : timersOf(tcb);
	const made = {state: tcb.state, sndNxt: tcb.sndNxt, rcvNxt: tcb.rcvNxt, acked, timers};
	latest.set(tcb, made);
	return made;
}

/** Timer lists as snapshots hold them, one (never modified) per distinct list: the same few recur all through a trace. */
const timerLists = new Map<string, Snapshot['timers']>();

/** The socket's pending timers (but the listener's SYN queue), in the order they were set, and what each was set for. */
function timersOf(tcb: Tcb): Snapshot['timers'] {
	const kinds = (Object.keys(tcb.timers) as TimerKind[]).filter(k => k !== 'syn-queue');
	const key = kinds.map(timer => `${timer} ${tcb.timerSetUs[timer] ?? 0}`).join(',');
	let list = timerLists.get(key);
	if (!list) {
		list = kinds.map(timer => ({timer, duration: (tcb.timerSetUs[timer] ?? 0) / 1e6}));
		if (timerLists.size < 1000) timerLists.set(key, list);
	}
	return list;
}

/** The socket's pending timers are these, in this order and set for as long (what snapshot() would list). */
function timersAre(tcb: Tcb, timers: Snapshot['timers']): boolean {
	let i = 0;
	for (const timer of Object.keys(tcb.timers) as TimerKind[]) {
		if (timer === 'syn-queue') continue;
		const t = timers[i++];
		if (t === undefined || t.timer !== timer || t.duration !== (tcb.timerSetUs[timer] ?? 0) / 1e6) return false;
	}
	return i === timers.length;
}

export function stopTimer(tcb: Tcb, kind: TimerKind, ctx: Ctx): void {
	if (tcb.timers[kind] === undefined) return;
	delete tcb.timers[kind];
	ctx.emit({kind: 'timer', timer: kind, action: 'stop'});
}

/** Take the next ISN (RFC 9293 3.4.1: a fresh ISN per connection; here drawn from the seed). */
export function takeIsn(tcb: Tcb): number {
	const isn = tcb.nextIsn.shift();
	if (isn === undefined) throw new Error('simulator ran out of drawn ISNs');
	return isn;
}

// --- Sending -----------------------------------------------------------------

/** Put a segment on the wire. Every segment after the SYN carries ACK (RFC 9293 3.10.7.3). */
export function transmit(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	ctx.emit({kind: 'send', seg});
	if (seg.ack !== null) {
		tcb.lastAckSent = seg.ack;
		// An ACK rides on this segment: a pending delayed ACK is no longer needed (Linux tcp_event_ack_sent).
		tcb.unackedRecv = 0;
		stopTimer(tcb, 'delayed-ack', ctx);
		if (tcb.quickAcks > 0) tcb.quickAcks--;
	}
}

/** Send new sequence space (SYN, data, FIN): advance SND.NXT, queue it for retransmission, arm the RTO. */
export function sendNew(tcb: Tcb, ctl: Control, len: number, withAck: boolean, ctx: Ctx, psh = true): void {
	const seg: Segment = {seq: tcb.sndNxt, ack: withAck ? tcb.rcvNxt : null, ctl, len, win: tcb.rcvWnd, ...(psh ? {} : {psh: false})};
	tcb.rtxQueue.push({seq: seg.seq, len, ctl, ...(psh ? {} : {psh: false}), write: tcb.writes});
	tcb.sndNxt = seqAdd(tcb.sndNxt, seqLength(seg));
	if (tcb.timers.retransmit === undefined) setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
	transmit(tcb, seg, ctx);
}

export function sendAck(tcb: Tcb, ctx: Ctx): void {
	// RFC 2018: with data held beyond a hole, the ACK carries a SACK block saying so (tcp_established_options).
	const sack = ctx.profile.sack && tcb.ooo.length > 0;
	transmit(tcb, {seq: tcb.sndNxt, ack: tcb.rcvNxt, ctl: null, len: 0, win: tcb.rcvWnd, ...(sack ? {sack} : {})}, ctx);
}

/** Linux tcp_send_active_reset: RST,ACK at SND.NXT (RFC 9293 3.10.5 ABORT: <SEQ=SND.NXT><CTL=RST>). */
export function sendActiveReset(tcb: Tcb, ctx: Ctx): void {
	transmit(tcb, {seq: tcb.sndNxt, ack: tcb.rcvNxt, ctl: 'RST', len: 0, win: 0}, ctx);
}

/** Send what the application queued, split at the MSS, then the FIN once the data is out. */
export function flush(tcb: Tcb, ctx: Ctx): void {
	if (tcb.state !== 'ESTABLISHED' && tcb.state !== 'CLOSE-WAIT' && !isClosingState(tcb.state)) return;
	const held = tcb.more || tcb.corked;
	// MSG_MORE or TCP_CORK: a partial segment is held back (Linux tcp_push with TCP_NAGLE_CORK); a full one may go.
	while (held && !tcb.wrShut && tcb.pendingSend >= ctx.sysctls.mss) {
		tcb.pendingSend -= ctx.sysctls.mss;
		sendNew(tcb, null, ctx.sysctls.mss, true, ctx, false);
	}
	if (held && !tcb.wrShut) return;
	if (held && tcb.pendingSend > 0 && tcb.pendingSend <= ctx.sysctls.mss && !finQueued(tcb)) {
		// Linux tcp_send_fin: the FIN joins the unsent tail, one segment with the data. tcp_push marks PSH on a corked
		// write's last byte, but not on a MSG_MORE one (MSG_MORE pushed nothing).
		const len = tcb.pendingSend;
		const psh = !tcb.more;
		tcb.pendingSend = 0;
		tcb.more = false;
		if (tcb.state === 'ESTABLISHED') setState(tcb, 'FIN-WAIT-1', tcb.orphan ? 'close' : 'shutdown', ctx);
		else if (tcb.state === 'CLOSE-WAIT') setState(tcb, 'LAST-ACK', tcb.orphan ? 'close' : 'shutdown', ctx);
		return sendNew(tcb, 'FIN', len, true, ctx, psh);
	}
	tcb.more = false;
	while (tcb.pendingSend > 0) {
		const len = Math.min(tcb.pendingSend, ctx.sysctls.mss);
		tcb.pendingSend -= len;
		sendNew(tcb, null, len, true, ctx, tcb.pendingSend === 0); // PSH on the segment that ends the write
	}
	if (tcb.wrShut && !finQueued(tcb)) {
		// RFC 9293 3.10.4: CLOSE in ESTABLISHED → FIN-WAIT-1, in CLOSE-WAIT → LAST-ACK; Linux: the FIN carries ACK.
		if (tcb.state === 'ESTABLISHED') setState(tcb, 'FIN-WAIT-1', tcb.orphan ? 'close' : 'shutdown', ctx);
		else if (tcb.state === 'CLOSE-WAIT') setState(tcb, 'LAST-ACK', tcb.orphan ? 'close' : 'shutdown', ctx);
		else return;
		sendNew(tcb, 'FIN', 0, true, ctx);
	}
}

function isClosingState(s: State): boolean {
	return s === 'FIN-WAIT-1' || s === 'FIN-WAIT-2' || s === 'CLOSING' || s === 'LAST-ACK';
}

/** Our FIN has been sent (it sits at SND.NXT-1 once sent). */
export function finQueued(tcb: Tcb): boolean {
	return tcb.state === 'FIN-WAIT-1' || tcb.state === 'FIN-WAIT-2' || tcb.state === 'CLOSING'
		|| tcb.state === 'LAST-ACK' || tcb.state === 'TIME-WAIT';
}

/** Our FIN has been acknowledged: SND.UNA reached SND.NXT after the FIN was sent. */
export function finAcked(tcb: Tcb): boolean {
	return finQueued(tcb) && seqLe(tcb.sndNxt, tcb.sndUna);
}
