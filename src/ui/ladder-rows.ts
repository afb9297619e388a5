// The rows of the ladder (sequence) diagram, before any layout: one per segment, plus rows for
// state changes no segment row shows (LISTEN, TIME-WAIT → CLOSED), notes and SYN floods.
// Pure: no ink, no react (`tcp-tutor trace` prints the same diagram).
import type {State} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {FloodEvent, NoteEvent, SegmentEvent, TraceEvent} from '../sim/trace.js';

export type States = Readonly<Record<Side, State>>;

export type LadderRow =
	/** A segment on the wire; `states` is each endpoint once it was handled (arrived or lost). */
	| {readonly kind: 'segment'; readonly t: number; readonly seg: SegmentEvent; readonly states: States; readonly retransmit: boolean}
	/** State changes that no segment row shows, with what caused them ("listen", "timer time-wait"). */
	| {readonly kind: 'state'; readonly t: number; readonly states: States; readonly causes: Readonly<Record<Side, readonly string[]>>}
	| {readonly kind: 'note'; readonly t: number; readonly states: States; readonly note: NoteEvent}
	| {readonly kind: 'flood'; readonly t: number; readonly states: States; readonly flood: FloodEvent};

const SIDES: readonly Side[] = ['client', 'server'];

/** Build the rows of a trace (or of the prefix of it the learner has seen). */
export function ladderRows(events: readonly TraceEvent[]): LadderRow[] {
	const rows: LadderRow[] = [];
	const cur: Record<Side, State> = {client: 'CLOSED', server: 'CLOSED'};
	let shown: States = {...cur};
	let causes: Record<Side, string[]> = {client: [], server: []};
	let lastT = 0;
	const flushStates = (next: SegmentEvent | undefined, nextIndex: number) => {
		// A change the next segment row shows anyway (close → FIN-WAIT-1, then the FIN) needs no row of its own.
		const nextStates = next ? statesAfter(events, next, nextIndex) : undefined;
		const unshown = SIDES.some(s => causes[s].length > 0 && cur[s] !== shown[s] && nextStates?.[s] !== cur[s]);
		if (unshown) {
			shown = {...cur};
			rows.push({kind: 'state', t: lastT, states: shown, causes});
		}
		causes = {client: [], server: []};
	};
	events.forEach((e, i) => {
		switch (e.type) {
			case 'state':
				cur[e.endpoint] = e.to;
				causes[e.endpoint].push(e.cause);
				lastT = e.t;
				return;
			case 'segment': {
				flushStates(e, i);
				shown = statesAfter(events, e, i);
				rows.push({kind: 'segment', t: e.t, seg: e, states: shown, retransmit: isRetransmission(events, e, i)});
				return;
			}
			case 'note':
				flushStates(undefined, i);
				rows.push({kind: 'note', t: e.t, states: shown, note: e});
				return;
			case 'flood':
				flushStates(undefined, i);
				rows.push({kind: 'flood', t: e.t, states: {...cur}, flood: e});
				shown = {...cur};
				return;
			default:
				return;
		}
	});
	flushStates(undefined, events.length);
	return rows;
}

/** Each endpoint once the segment was handled: the simulator's snapshot, or (a trace read from JSON has none) the states reached before the next segment. */
function statesAfter(events: readonly TraceEvent[], seg: SegmentEvent, index: number): States {
	if (seg.after) return {client: seg.after.client.state, server: seg.after.server.state};
	const st: Record<Side, State> = {client: 'CLOSED', server: 'CLOSED'};
	for (let i = 0; i < events.length; i++) {
		const e = events[i]!;
		if (i > index && e.type === 'segment') break;
		if (e.type === 'state') st[e.endpoint] = e.to;
	}
	return st;
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
