// Trace events as sentences, one a line: plain mode's view (pipes, screen readers, scripts).
import type {Side} from '../sim/segment.js';
import type {TraceEvent} from '../sim/trace.js';
import {showFlags} from '../lessons/answers.js';

const arrow: Record<Side, string> = {client: 'client → server', server: 'server → client'};

export function narrate(e: TraceEvent, relative: boolean): string | undefined {
	switch (e.type) {
		case 'segment': {
			const seq = relative ? e.rel.seq : e.seq;
			const ack = relative ? e.rel.ack : e.ack;
			const parts = [`${arrow[e.from]}: ${showFlags(e.flags)}`, `seq=${seq}`];
			if (ack !== null) parts.push(`ack=${ack}`);
			if (e.len > 0) parts.push(`len=${e.len}`);
			const fate = e.fate === 'dropped' ? ' (lost)' : e.fate === 'duplicated' ? ' (duplicated)' : '';
			return `  t=${e.t}s ${parts.join(' ')}${fate}`;
		}
		case 'state': return `  t=${e.t}s ${e.endpoint}: ${e.from} → ${e.to} (${e.cause})`;
		case 'call': return `  t=${e.t}s ${e.endpoint} calls ${e.call}()${e.result === 'ok' ? '' : ` → ${e.result}`}`;
		case 'timer': return e.action === 'set' && (e.timer === 'time-wait' || e.timer === 'fin-wait-2')
			? `  t=${e.t}s ${e.endpoint}: ${e.timer} timer set for ${e.duration} s` : undefined;
		case 'note': return `  t=${e.t}s ${e.endpoint}: ${e.note}`;
		case 'flood': return `  t=${e.t}s ${e.syns} spoofed SYNs hit the ${e.endpoint}: ${e.queued} half-open in the SYN queue, ${e.cookies} answered with SYN cookies, ${e.dropped} dropped`;
	}
}
