// The rows of the ladder (sequence) diagram, before any layout: one per segment, plus rows for
// state changes no segment row shows (LISTEN, TIME-WAIT → CLOSED), notes and SYN floods.
// Rows are made in trace order and each shows both endpoints as of its own moment, so the state
// column never runs backwards. Pure: no ink, no react (`tcp-tutor trace` prints the same diagram).
import type {State} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {FloodEvent, NoteEvent, SegmentEvent, StateEvent, TraceEvent} from '../sim/trace.js';

export type States = Readonly<Record<Side, State>>;

/** From this index in the events on, that side's state is not known to the learner. */
export type Unknown = Readonly<Partial<Record<Side, number>>>;

/** What the learner may see of the trace, besides the events themselves. */
export type View = {
	/** From this index in the events on, that side's state is not known to the learner (drawn `?`). */
	readonly unknown?: Unknown;
	/** Each event's index in the whole trace, when the events leave some out (default: the trace or a prefix of it). */
	readonly indexes?: readonly number[];
};

type RowBase = {
	/** Index in the events of the event this row was made from (a row of state changes: the last change it shows). */
	readonly at: number;
	readonly t: number;
	/** Each endpoint as of this row's moment. */
	readonly states: States;
	/** Endpoints whose state on this row the learner may not know yet (drawn `?`). */
	readonly hidden: readonly Side[];
};

export type LadderRow = RowBase & (
	/**
	 * A segment on the wire: its sender as it left; its receiver once it arrived, when nothing else happened first.
	 * `inFlight`: it arrived later, and the receiver's state changed by then (it is not what the arrowhead shows).
	 */
	| {readonly kind: 'segment'; readonly seg: SegmentEvent; readonly retransmit: boolean; readonly inFlight: boolean}
	/** State changes that no segment row shows, with what caused them ("listen", "timer time-wait"). */
	| {readonly kind: 'state'; readonly causes: Readonly<Record<Side, readonly string[]>>}
	| {readonly kind: 'note'; readonly note: NoteEvent}
	| {readonly kind: 'flood'; readonly flood: FloodEvent}
);

const SIDES: readonly Side[] = ['client', 'server'];

type Change = {readonly at: number; readonly e: StateEvent};

/** Build the rows of a trace (or of the part of it the learner has seen). */
export function ladderRows(events: readonly TraceEvent[], {unknown = {}, indexes}: View = {}): LadderRow[] {
	const rows: LadderRow[] = [];
	const cur: Record<Side, State> = {client: 'CLOSED', server: 'CLOSED'};
	let pending: Change[] = []; // state changes no row shows yet
	const folded = new Set<number>(); // state changes drawn on the row of the segment whose arrival caused them
	const known = (side: Side, at: number) => at < (unknown[side] ?? Infinity);
	const hiddenAt = (at: number, receiver?: {side: Side; last: number}) =>
		SIDES.filter(s => !known(s, at) || (receiver?.side === s && !known(s, receiver.last)));

	/** Rows for the changes up to the last one the next row does not show; the next row shows the rest. */
	const flush = (shown: (c: Change, k: number) => boolean) => {
		let last = -1;
		pending.forEach((c, k) => {
			if (!shown(c, k) && known(c.e.endpoint, c.at)) last = k; // no row is made only to show what the learner may not see
		});
		let group: Change[] = [];
		const row = () => {
			for (const c of group) cur[c.e.endpoint] = c.e.to;
			const seen = group.filter(c => known(c.e.endpoint, c.at));
			if (seen.length === 0) return;
			const at = group[group.length - 1]!.at;
			const causes = Object.fromEntries(SIDES.map(s => [s, seen.filter(c => c.e.endpoint === s).map(c => c.e.cause)])) as Record<Side, string[]>;
			rows.push({kind: 'state', at, t: group[group.length - 1]!.e.t, states: {...cur}, hidden: hiddenAt(at), causes});
		};
		// One row per moment: a side that changes twice, or a later instant, starts a new row (no state is skipped).
		for (const c of pending.slice(0, last + 1)) {
			if (group.some(g => g.e.endpoint === c.e.endpoint || g.e.t !== c.e.t)) {
				row();
				group = [];
			}
			group.push(c);
		}
		row();
		for (const c of pending.slice(last + 1)) cur[c.e.endpoint] = c.e.to;
		pending = [];
	};

	const aside = listenerAside(events);
	events.forEach((e, i) => {
		switch (e.type) {
			case 'state':
				if (!folded.has(i) && !aside.has(i)) pending.push({at: i, e});
				return;
			case 'segment': {
				// The sender's latest change shows on the segment row (close → FIN-WAIT-1, then the FIN); at the
				// arrowhead a state reads as the segment's effect, so the receiver's earlier changes get rows of their own.
				flush((c, k) => c.e.endpoint === e.from && !pending.slice(k + 1).some(d => d.e.endpoint === e.from));
				const arrival = arrivalOf(events, i, indexes, aside);
				const reaction = arrival?.immediate ? arrival.effects : [];
				for (const k of reaction) {
					cur[e.to] = (events[k] as StateEvent).to;
					folded.add(k);
				}
				const receiver = reaction.length > 0 ? {side: e.to, last: reaction[reaction.length - 1]!} : undefined;
				const inFlight = arrival !== undefined && !arrival.immediate
					&& [...arrival.before, ...arrival.effects].some(k => isStateOf(events[k]!, e.to) && known(e.to, k));
				rows.push({kind: 'segment', at: i, t: e.t, seg: e, states: {...cur}, hidden: hiddenAt(i, receiver), retransmit: isRetransmission(events, e, i), inFlight});
				return;
			}
			case 'note':
				flush(() => false);
				rows.push({kind: 'note', at: i, t: e.t, states: {...cur}, hidden: hiddenAt(i), note: e});
				return;
			case 'flood':
				flush(() => false);
				rows.push({kind: 'flood', at: i, t: e.t, states: {...cur}, hidden: hiddenAt(i), flood: e});
				return;
			default:
				return;
		}
	});
	flush(() => false);
	return rows;
}

/**
 * A side's column shows its connection, and the listener only while there is none: a change of the listener (conn 0)
 * while the column shows an open connection, or one that changes nothing drawn (both CLOSED), gets no row.
 */
function listenerAside(events: readonly TraceEvent[]): Set<number> {
	const aside = new Set<number>();
	const drawn: Record<Side, {state: State; conn: number}> = {client: {state: 'CLOSED', conn: 0}, server: {state: 'CLOSED', conn: 0}};
	events.forEach((e, i) => {
		if (e.type !== 'state') return;
		const d = drawn[e.endpoint];
		if (e.conn === 0 && d.conn !== 0 && (d.state !== 'CLOSED' || e.to === 'CLOSED')) aside.add(i);
		else drawn[e.endpoint] = {state: e.to, conn: e.conn};
	});
	return aside;
}

/** Timers set or stopped: bookkeeping that happens between a cause and its effects. */
function quiet(e: TraceEvent): boolean {
	return e.type === 'timer' && e.action !== 'fire';
}

type Arrival = {
	/** It arrived before anything else happened (only timers set or stopped in between). */
	readonly immediate: boolean;
	/** Events between its sending and its arrival (or the end of the events, while it travels). */
	readonly before: readonly number[];
	/** The receiver's state changes its arrival caused. */
	readonly effects: readonly number[];
};

/** Where a segment arrived in these events; undefined if it was lost. A trace read from JSON has no arrivals: it arrived at once. */
function arrivalOf(events: readonly TraceEvent[], index: number, indexes: readonly number[] | undefined, aside: ReadonlySet<number>): Arrival | undefined {
	const seg = events[index] as SegmentEvent;
	if (seg.arrived === undefined && seg.fate === 'dropped') return undefined;
	// SegmentEvent.arrived counts in the whole trace: it arrived just before the first of these events at or after that.
	let arrived = index + 1;
	if (seg.arrived !== undefined) while (arrived < events.length && (indexes?.[arrived] ?? arrived) < seg.arrived) arrived++;
	const before: number[] = [];
	for (let k = index + 1; k < Math.min(arrived, events.length); k++) if (!quiet(events[k]!)) before.push(k);
	const effects: number[] = [];
	for (let k = arrived; k < events.length; k++) {
		const e = events[k]!;
		if (isStateOf(e, seg.to)) {
			if (!aside.has(k)) effects.push(k);
		} else if (!quiet(e)) break;
	}
	return {immediate: before.length === 0, before, effects};
}

function isStateOf(e: TraceEvent, side: Side): e is StateEvent {
	return e.type === 'state' && e.endpoint === side;
}

/** The same sequence space sent again by the same side (a duplicate in the network is not a retransmission). */
function isRetransmission(events: readonly TraceEvent[], seg: SegmentEvent, index: number): boolean {
	const usesSpace = seg.len > 0 || seg.flags.includes('SYN') || seg.flags.includes('FIN');
	if (!usesSpace || seg.flags.includes('RST')) return false;
	for (let i = 0; i < index; i++) {
		const e = events[i]!;
		if (e.type === 'segment' && e.from === seg.from && e.id !== seg.id && e.seq === seg.seq && e.len === seg.len
			&& e.flags.includes('SYN') === seg.flags.includes('SYN') && e.flags.includes('FIN') === seg.flags.includes('FIN')) return true;
	}
	return false;
}
