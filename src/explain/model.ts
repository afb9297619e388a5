// The two TCBs of one observed connection and how they are driven: the simulator's own functions
// (newTcb, applyCall, receive, fireTimer, sendNew, sendAck, setState) with an emit that turns their
// state changes into trace events and keeps the segments a side would send as predictions. Nothing
// here decides a TCP rule: the model is the simulator, told what the capture shows each side did.
import {type Call, applyCall} from '../sim/calls.js';
import {type Ctx, type Emit, type Tcb, type TimerKind, newTcb, setState} from '../sim/endpoint.js';
import {DEFAULT_SYSCTLS, PROFILES, type Sysctls} from '../sim/profiles.js';
import {receive} from '../sim/receive.js';
import {type Segment, type Side} from '../sim/segment.js';
import {fireTimer} from '../sim/timers.js';
import {secondsOf} from '../sim/trace.js';
import type {ExplainEvent} from './events.js';

// Linux's defaults, with a receive window and MSS no real segment exceeds: window scaling is not
// modelled, and a captured segment is one segment whatever its length.
export const SYSCTLS: Sysctls = {...DEFAULT_SYSCTLS, window: 2 ** 30, mss: 2 ** 30};

/** Timers whose expiry changes what a side does next without a segment on the wire saying so. */
const SILENT_TIMERS: readonly TimerKind[] = ['delayed-ack', 'time-wait', 'fin-wait-2'];

/** The calls a capture implies, named for what can be told from it (a FIN does not say close from shutdown). */
const CALLS: Readonly<Record<string, string>> = {shutdown: 'close or shutdown', abort: 'abort or close (RST)'};

export type Model = {
	readonly conn: number;
	readonly tcb: Record<Side, Tcb>;
	/** Segments the simulator says a side sends next (answers, a delayed ACK), not yet seen on the wire. */
	readonly predicted: Record<Side, Segment[]>;
	/** Each side's ISN (or, mid-connection, one below the first seq seen): the base of relative numbers. */
	readonly base: Partial<Record<Side, number>>;
	/** The model's clock, µs since the capture's first packet. */
	now: number;
	readonly events: ExplainEvent[];
	/** Keepalive probes a side has sent and not had answered. */
	readonly probes: Record<Side, number>;
	/** Notes given once per connection (handshake, half-close …). */
	readonly told: Set<string>;
	nextId: number;
};

export function newModel(conn: number): Model {
	return {
		conn, tcb: {client: newTcb('client', [0], SYSCTLS), server: newTcb('server', [0], SYSCTLS)},
		predicted: {client: [], server: []}, base: {}, now: 0, events: [], probes: {client: 0, server: 0}, told: new Set(), nextId: 1,
	};
}

/** A context whose state changes become trace events; sends are predictions, or dropped when `keep` is false. */
export function ctxOf(m: Model, side: Side, keep: boolean, now = m.now): Ctx {
	return {now, profile: PROFILES.linux, sysctls: SYSCTLS, emit: (e: Emit) => route(m, side, e, keep, now)};
}

function route(m: Model, side: Side, e: Emit, keep: boolean, now: number): void {
	const t = secondsOf(now);
	switch (e.kind) {
		case 'send':
			if (keep) m.predicted[side].push(e.seg);
			return;
		case 'state':
			m.events.push({type: 'state', t, endpoint: side, conn: m.conn, from: e.from, to: e.to, cause: CALLS[e.cause] ?? e.cause});
			return;
		case 'call':
			m.events.push({type: 'call', t, endpoint: side, conn: m.conn, call: CALLS[e.call] ?? e.call, result: 'inferred'});
			return;
		case 'drop':
			note(m, side, `the simulator drops it: ${e.reason}`, undefined, now);
			return;
		default:
			return; // timers: bookkeeping the capture cannot show
	}
}

export function note(m: Model, side: Side, text: string, lesson?: string, now = m.now): void {
	m.events.push({type: 'note', t: secondsOf(now), endpoint: side, conn: m.conn, note: text, ...(lesson ? {lesson} : {})});
}

/** An application call the capture implies (connect for a SYN, shutdown for a FIN, abort for an RST). */
export function call(m: Model, side: Side, c: Call): string {
	return applyCall(m.tcb[side], c, ctxOf(m, side, false));
}

/** The segment arrives at `side`: the simulator's SEGMENT ARRIVES, its answers kept as predictions. */
export function deliver(m: Model, side: Side, seg: Segment): void {
	m.predicted[side] = [];
	receive(m.tcb[side], seg, ctxOf(m, side, true));
}

/** Fire every silent timer due by `until` (µs), in time order: TIME-WAIT ends, a delayed ACK is due. */
export function advance(m: Model, until: number): void {
	for (;;) {
		let due: {side: Side; kind: TimerKind; at: number} | undefined;
		for (const side of ['client', 'server'] as const) {
			for (const kind of SILENT_TIMERS) {
				const at = m.tcb[side].timers[kind];
				if (at !== undefined && at <= until && (!due || at < due.at)) due = {side, kind, at};
			}
		}
		if (!due) break;
		m.now = Math.max(m.now, due.at);
		fireTimer(m.tcb[due.side], due.kind, ctxOf(m, due.side, true, m.now));
	}
	m.now = Math.max(m.now, until);
}

/**
 * A new SYN on this four-tuple ends the connection's TIME-WAIT, as the simulator's sockets do: the side that receives it
 * (Linux tcp_timewait_state_process, TCP_TW_SYN), or the side that sends it, whose connect() took the port over (tcp_tw_reuse).
 */
export function endTimeWait(m: Model, synFrom: Side): void {
	for (const side of ['client', 'server'] as const) {
		if (m.tcb[side].state !== 'TIME-WAIT') continue;
		const cause = side === synFrom ? 'port taken over by connect (tcp_tw_reuse)' : 'recv SYN in TIME-WAIT';
		setState(m.tcb[side], 'CLOSED', cause, ctxOf(m, side, true, m.now));
	}
}
