// Which connection an event belongs to, in words a learner can follow when a trace holds several:
// the lesson's name for its client ("A" in `client A: connect`), else its number as the ladder
// draws it (#2). A trace of one connection needs none.
import type {Trace} from './run.js';

/** conn → its client's name or "#N"; empty when the trace holds one connection. */
export function connectionNames(trace: Trace): ReadonlyMap<number, string> {
	const conns = new Set<number>();
	for (const e of trace.events) if (e.type === 'segment' && e.conn > 0) conns.add(e.conn);
	const names = new Map<number, string>();
	if (conns.size < 2) return names;
	for (const c of conns) names.set(c, `#${c}`);
	for (const step of trace.steps) {
		if (step.step.kind !== 'call' || !step.step.client) continue;
		for (const e of trace.events.slice(step.from, step.to)) {
			if (e.type === 'call' && e.endpoint === step.step.side && e.conn > 0) names.set(e.conn, step.step.client);
		}
	}
	return names;
}
