// Trace events: the simulator's truth, and their JSON form (one object a line, time order).
import type {Snapshot, State, TimerKind} from './endpoint.js';
import type {Flag, Side} from './segment.js';

export type Fate = 'delivered' | 'dropped' | 'duplicated';

export type SegmentEvent = {
	readonly type: 'segment';
	readonly t: number;
	readonly from: Side;
	readonly to: Side;
	/** The connection the segment belongs to: 1 for the scenario's first, 2 for the next … (an injected segment has one of its own). */
	readonly conn: number;
	readonly flags: Flag[];
	readonly seq: number;
	readonly ack: number | null;
	readonly len: number;
	readonly win: number;
	readonly fate: Fate;
	/** Seconds the network held it beyond the usual latency (delay and reorder rules). */
	readonly delayed?: number;
	/** seq relative to the sender's ISN and ack relative to the receiver's, as Wireshark shows them. */
	readonly rel: {readonly seq: number; readonly ack: number | null};
	/** Both endpoints once this segment was handled (arrived, or was lost). Not part of the JSON. */
	after?: Readonly<Record<Side, Snapshot>>;
	/** Index in the trace's events at which its (first) arrival was handled: what the receiver did starts there. Unset while in flight or if lost. Not part of the JSON. */
	arrived?: number;
	/** Which flight this is (a duplicate shares it). Not part of the JSON. */
	readonly id: number;
};

/** `conn` on an endpoint's events: the connection its socket belongs to then, 0 for a listener (or a socket with none). */
export type StateEvent = {readonly type: 'state'; readonly t: number; readonly endpoint: Side; readonly conn: number; readonly from: State; readonly to: State; readonly cause: string};
export type CallEvent = {readonly type: 'call'; readonly t: number; readonly endpoint: Side; readonly conn: number; readonly call: string; readonly result: string};
export type TimerEvent = {readonly type: 'timer'; readonly t: number; readonly endpoint: Side; readonly conn: number; readonly timer: TimerKind; readonly action: 'set' | 'fire' | 'stop'; readonly duration?: number};
export type NoteEvent = {readonly type: 'note'; readonly t: number; readonly endpoint: Side; readonly conn: number; readonly note: string};
export type FloodEvent = {readonly type: 'flood'; readonly t: number; readonly endpoint: Side; readonly syns: number; readonly queued: number; readonly cookies: number; readonly dropped: number};

export type TraceEvent = SegmentEvent | StateEvent | CallEvent | TimerEvent | NoteEvent | FloodEvent;

/** One event as a JSON line; `relative` prints seq/ack relative to the ISNs. */
export function eventToJson(e: TraceEvent, relative = false): string {
	if (e.type !== 'segment') return JSON.stringify(e);
	const {rel, delayed, after: _after, arrived: _arrived, id: _id, ...rest} = e;
	const out: Record<string, unknown> = {...rest, ...(relative ? {seq: rel.seq, ack: rel.ack} : {})};
	if (delayed !== undefined) out['delayed'] = delayed;
	return JSON.stringify(out);
}

export function secondsOf(us: number): number {
	return Math.round(us) / 1e6;
}
