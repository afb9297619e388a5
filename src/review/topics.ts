// The topics of the drill's report and of the progress view, decided for each question by what its
// moment in the trace holds (the simulator decides, as it decides answers), not by its wording, so a
// translated lesson lands in the same topic. Rules in order, the first that holds wins.
import type {Trace} from '../sim/run.js';
import type {SegmentEvent} from '../sim/trace.js';
import {expected} from '../lessons/resolve.js';
import type {Lesson, Question} from '../lessons/schema.js';
import type {Texts} from '../i18n/texts.js';

export const TOPICS = ['handshake', 'data', 'close', 'time-wait', 'queues', 'resets', 'timers'] as const;
export type Topic = (typeof TOPICS)[number];

/** A topic's name in the learner's language ("handshake", 三次握手), as the drill's report and the progress view say it. */
export function topicName(topic: Topic, {t}: Texts): string {
	return t(`practice.topic.${topic}`);
}

/** A lesson whose tags say nothing the rules below could use falls back on its first fitting tag. */
const BY_TAG: Readonly<Record<string, Topic>> = {handshake: 'handshake', data: 'data', teardown: 'close', attacks: 'queues', failures: 'timers', tuning: 'timers', states: 'close', interview: 'handshake'};

export function topicOf(lesson: Pick<Lesson, 'tags'>, q: Question, trace: Trace): Topic {
	const asks = (...fields: string[]) => q.ask.some(f => fields.includes(f)) || (q.claim !== undefined && fields.includes(q.claim.field));
	const step = trace.steps[q.step];
	const events = step ? trace.events.slice(step.from, step.to) : [];
	const segs = events.filter((e): e is SegmentEvent => e.type === 'segment');
	const asked = q.segment !== undefined ? segs.slice(q.segment - 1, q.segment) : segs;
	const has = (flag: SegmentEvent['flags'][number]) => asked.some(s => s.flags.includes(flag));
	if (asks('syn-queue', 'accept-queue') || events.some(e => e.type === 'flood')) return 'queues';
	if (q.timer === 'time-wait' || (asks('state') && stateAsked(q, trace) === 'TIME-WAIT')) return 'time-wait';
	if (has('RST')) return 'resets';
	if (asks('timer', 'duration') || q.timer !== undefined || events.some(e => e.type === 'timer' && e.action === 'fire' && e.timer !== 'delayed-ack')) return 'timers';
	if (has('SYN')) return 'handshake';
	if (has('FIN')) return 'close';
	if (asked.some(s => s.len > 0)) return 'data';
	for (const tag of lesson.tags) if (BY_TAG[tag]) return BY_TAG[tag]!;
	return 'handshake';
}

function stateAsked(q: Question, trace: Trace): string | undefined {
	try {
		const e = expected(q, 'state', trace);
		return 'value' in e ? String(e.value) : undefined;
	} catch {
		return undefined;
	}
}
