// What the learner may see now: one rule for both views (the ink player and plain mode draw only
// this). Nothing after a question's moment is shown before it is answered: the asked segment, the
// segments a count predicts, and the asked endpoint's state changes, timers and notes in its moment.
import type {Side} from '../sim/segment.js';
import type {TraceEvent} from '../sim/trace.js';
import type {Session} from './engine.js';
import type {Beat} from './plan.js';

export type Visible = {
	/** The events the learner may see, in trace order. */
	readonly events: readonly TraceEvent[];
	/** Each of those events' index in the trace. */
	readonly indexes: readonly number[];
	/** From this index in `events` on, the side's state is not known to the learner (drawn as `?`). */
	readonly unknown: Readonly<Partial<Record<Side, number>>>;
	/** The segment being asked about, drawn as `?`; `from` is absent while its sender is asked. */
	readonly pending?: {readonly from?: Side};
};

/** What a mask hides of a side: its state changes, timers, notes ("SYN cookie sent" tells that a SYN,ACK follows) and a flood's outcome (a reading of its queues). */
const hides = (e: TraceEvent, side: Side) => (e.type === 'state' || e.type === 'timer' || e.type === 'note' || e.type === 'flood') && e.endpoint === side;

export function visible(s: Session): Visible {
	const beat = s.beats[s.pos]!;
	const q = beat.kind === 'ask' ? s.lesson.questions[beat.question] : undefined;
	const asking = beat.kind === 'ask' && !s.explained;
	// Once a prediction is answered its segment is drawn at once, with what its arrival caused (up to
	// the next segment), unless another question still predicts the same segment.
	let cut = beat.shown;
	if (beat.kind === 'ask' && s.explained && beat.segment !== undefined) {
		const later = s.beats.slice(s.pos + 1);
		const again = later.some(b => b.kind === 'ask' && b.segment === beat.segment);
		cut = again ? beat.shown : Math.max(beat.segment + 1, later.find(b => b.shown > beat.shown)?.shown ?? beat.segment + 1);
	}

	// Every question still to come hides its endpoint's changes in its moment, the open one included.
	const hidden: {side: Side; from: number; to: number}[] = [];
	s.beats.forEach((b: Beat, i) => {
		if (b.kind !== 'ask' || !b.mask || i < s.pos || (i === s.pos && !asking)) return;
		if (b.mask.from < cut) for (const side of b.mask.endpoints) hidden.push({side, from: b.mask.from, to: Math.min(b.mask.to, cut)});
	});

	const events: TraceEvent[] = [];
	const indexes: number[] = [];
	const unknown: Partial<Record<Side, number>> = {};
	s.trace.events.slice(0, cut).forEach((e, i) => {
		for (const h of hidden) {
			if (i === h.from && unknown[h.side] === undefined) unknown[h.side] = events.length;
			if (i >= h.from && i < h.to && hides(e, h.side)) return;
		}
		events.push(e);
		indexes.push(i);
	});
	for (const h of hidden) if (unknown[h.side] === undefined) unknown[h.side] = events.length; // the moment starts at the cut

	let pending: Visible['pending'];
	if (asking && q && beat.kind === 'ask' && beat.segment !== undefined) {
		const seg = s.trace.events[beat.segment];
		const senderAsked = q.ask.indexOf('sender') >= s.field;
		pending = senderAsked || seg?.type !== 'segment' ? {} : {from: seg.from};
	}
	return {events, indexes, unknown, ...(pending ? {pending} : {})};
}
