// Run a scenario: each step, then the network settles (no segment in flight; timers may be pending).
import type {Scenario, Step} from './scenario.js';
import {PROFILES} from './profiles.js';
import {rng} from './random.js';
import type {Side} from './segment.js';
import type {Snapshot, State} from './endpoint.js';
import type {TraceEvent} from './trace.js';
import {call} from './app-calls.js';
import {type World, addRule, advance, createWorld, flood, inject, settle, snapshots, takeSnapshots} from './world.js';

export type StepResult = {
	readonly step: Step;
	/** Index of the first event this step produced, and one past its last. */
	readonly from: number;
	readonly to: number;
	/** Each endpoint's state once the step settled. */
	readonly states: Readonly<Record<Side, State>>;
	/** Each endpoint once the step settled. */
	readonly after: Readonly<Record<Side, Snapshot>>;
};

export type Trace = {
	readonly seed: number;
	readonly profile: Scenario['profile'];
	/** The ISN each side used first. */
	readonly isn: Readonly<Record<Side, number>>;
	readonly events: readonly TraceEvent[];
	readonly steps: readonly StepResult[];
};

const ISNS_PER_SIDE = 8;
/** Connections a scenario may open per side beyond the first eight (their ISNs come from a second stream, so the first eight stay as they were): 32 in all. */
const MORE_ISNS = 24;

/** Draw ISNs from the seed; a scenario's fixed ISN replaces the first one. */
export function drawIsns(scenario: Scenario, seed: number): {isns: Record<Side, number[]>; cookieSecret: number} {
	const next = rng(seed);
	const more = rng((seed ^ 0x5bd1e995) >>> 0);
	const draw = (fixed: number | undefined) => {
		const list: number[] = [];
		for (let i = 0; i < ISNS_PER_SIDE; i++) list.push(next());
		if (fixed !== undefined) list[0] = fixed;
		return list;
	};
	const client = draw(scenario.client.isn);
	const server = draw(scenario.server.isn);
	const cookieSecret = next();
	for (const list of [client, server]) for (let i = 0; i < MORE_ISNS; i++) list.push(more());
	return {isns: {client, server}, cookieSecret};
}

export function startWorld(scenario: Scenario, seed: number, drawn = drawIsns(scenario, seed)): World {
	const {isns, cookieSecret} = drawn;
	return createWorld({profile: PROFILES[scenario.profile], sysctls: scenario.sysctls, latencyUs: scenario.latencyUs, isns, cookieSecret,
		bind: {...(scenario.client.port === undefined ? {} : {client: scenario.client.port}), ...(scenario.server.port === undefined ? {} : {server: scenario.server.port})}});
}

/** Apply one step to the world (mutating it) and let the network settle. */
export function applyStep(w: World, step: Step): void {
	switch (step.kind) {
		case 'call':
			call(w, step.side, step.call, undefined, step.client);
			if (step.call.forUs !== undefined) return advance(w, step.call.forUs); // accept() in a loop for that long
			break;
		case 'together': {
			// Both sides connecting at once (a simultaneous open) make one connection: one number for both ends.
			const both = ['client', 'server'].every(side => step.calls.some(c => c.side === side && c.call.name === 'connect' && w.eps[c.side].state === 'CLOSED'));
			const conn = both ? ++w.lastConn : undefined;
			for (const c of step.calls) call(w, c.side, c.call, conn); // all calls first, then the segments travel
			break;
		}
		case 'wait':
			advance(w, step.us);
			return;
		case 'net':
			addRule(w, {...step.rule, remaining: step.rule.count});
			return;
		case 'flood':
			flood(w, step.syns);
			break;
		case 'inject':
			inject(w, step.from, step.seg);
			break;
	}
	takeSnapshots(w); // segments lost at once are recorded before anything else happens
	settle(w);
}

/** Pure: the world after one step and the events that step emitted; `w` itself is left as it was. */
export function step(w: World, s: Step): {readonly world: World; readonly events: readonly TraceEvent[]} {
	const next = structuredClone(w);
	const from = next.events.length;
	applyStep(next, s);
	return {world: next, events: next.events.slice(from)};
}

export function run(scenario: Scenario, seed: number): Trace {
	const drawn = drawIsns(scenario, seed);
	const w = startWorld(scenario, seed, drawn);
	const steps: StepResult[] = [];
	let states: StepResult['states'] | undefined;
	for (const step of scenario.steps) {
		const from = w.events.length;
		applyStep(w, step);
		takeSnapshots(w);
		// The previous step's states when neither changed (a long scenario keeps one object, not one a step).
		if (states?.client !== w.eps.client.state || states.server !== w.eps.server.state) states = {client: w.eps.client.state, server: w.eps.server.state};
		steps.push({step, from, to: w.events.length, states, after: snapshots(w)});
	}
	const {isns} = drawn; // the world took copies: these are still the first ones drawn
	return {seed, profile: scenario.profile, isn: {client: isns.client[0]!, server: isns.server[0]!}, events: w.events, steps};
}
