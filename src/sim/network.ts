// The network between the two endpoints: segments in flight and the scenario's rules for
// losing, delaying, duplicating and reordering them.
import type {Fate} from './trace.js';
import type {Flag, Segment, Side} from './segment.js';
import {flagsOf} from './segment.js';

export type NetAction = 'drop' | 'delay' | 'duplicate' | 'reorder';

export type NetRule = {
	readonly action: NetAction;
	/** Match only segments from this side. */
	readonly from?: Side;
	/** Match only segments of this named client ("client C"). */
	readonly client?: string;
	/** Match only segments carrying all of these flags. */
	readonly flags?: readonly Flag[];
	/** Extra delay for `delay`, in microseconds. */
	readonly byUs?: number;
	/** How many more segments this rule applies to. */
	remaining: number;
};

export type Flight = {
	readonly id: number;
	readonly seg: Segment;
	readonly from: Side;
	readonly to: Side;
	/** The connection the segment belongs to. */
	readonly conn: number;
	/** Arrival time in microseconds; Infinity while held back by a reorder rule. */
	at: number;
	order: number;
};

/** The first rule that matches the segment, consumed by one use. */
export function takeRule(rules: NetRule[], from: Side, seg: Segment, client = ''): NetRule | undefined {
	if (rules.length === 0) return undefined; // most scenarios have none: every segment asks
	const flags = flagsOf(seg);
	const rule = rules.find(r => r.remaining > 0 && (r.from === undefined || r.from === from) && (r.client === undefined || (from === 'client' && r.client === client))
		&& (r.flags === undefined || r.flags.every(f => flags.includes(f))));
	if (rule) rule.remaining--;
	return rule;
}

export function fateOf(rule: NetRule | undefined): Fate {
	if (rule?.action === 'drop') return 'dropped';
	if (rule?.action === 'duplicate') return 'duplicated';
	return 'delivered';
}
