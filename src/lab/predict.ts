// The simulator beside the kernel: the scenario as written (the prediction) and the scenario as the lab
// can perform it (skipped steps left out, waits as long as they really were, this kernel's sysctls).
// While the two agree on every socket's state, the kernel is compared with the prediction; the first
// step where they part is where a skipped step (or a cut wait, or a sysctl) changes what follows.
import type {State} from '../sim/endpoint.js';
import type {Sysctls} from '../sim/profiles.js';
import {applyStep, startWorld} from '../sim/run.js';
import type {Scenario, Step} from '../sim/scenario.js';
import type {Side} from '../sim/segment.js';
import {type World, takeSnapshots} from '../sim/world.js';
import type {Change, SkipReason} from './plan.js';

/** One socket of the simulation: a client's connection, the server's end of one, or the listener (conn 0). */
export type SimSocket = {
	readonly key: string;
	readonly side: Side;
	readonly conn: number;
	/** The client's name ("" for the scenario's one client). */
	readonly name: string;
	readonly state: State;
	/** A server connection accept() took (or a call on it implied). */
	readonly accepted: boolean;
};

/** Every socket after a step, and which ones the calls of `client:` and `server:` mean now. */
export type Sockets = {
	readonly byKey: ReadonlyMap<string, SimSocket>;
	readonly client: string;
	readonly server: string;
};

export const keyOf = (side: Side, conn: number): string => `${side}:${conn}`;

export function simSockets(w: World): Sockets {
	const byKey = new Map<string, SimSocket>();
	for (const t of w.socks) {
		// A client socket that never connected has no four-tuple; of the server's conn-0 sockets only the listener counts.
		if (t.conn === 0 && (t.side === 'client' || (t !== w.listener && t !== w.eps.server))) continue;
		const key = keyOf(t.side, t.conn);
		byKey.set(key, {key, side: t.side, conn: t.conn, name: t.name, state: t.state, accepted: t.accepted}); // the latest socket of a key wins
	}
	return {byKey, client: keyOf('client', w.eps.client.conn), server: keyOf('server', w.eps.server.conn)};
}

export function stateOf(s: Sockets, key: string): State {
	return s.byKey.get(key)?.state ?? 'CLOSED';
}

/** Same states for every socket that is not CLOSED in either, and for the two current ones. */
export function sameStates(a: Sockets, b: Sockets): boolean {
	const keys = new Set([...a.byKey.keys(), ...b.byKey.keys(), a.client, a.server, b.client, b.server]);
	for (const k of keys) if (stateOf(a, k) !== stateOf(b, k)) return false;
	return stateOf(a, a.client) === stateOf(b, b.client) && stateOf(a, a.server) === stateOf(b, b.server);
}

/** One way the lab's run differs from the scenario as written. */
export type Adjustment =
	| {readonly kind: 'sysctl'; readonly field: keyof Sysctls; readonly value: unknown}
	| {readonly kind: 'profile'}
	| {readonly kind: 'skip'; readonly step: number; readonly reason: SkipReason}
	| {readonly kind: 'change'; readonly step: number; readonly change: Change; readonly replacement: Step}
	| {readonly kind: 'cut'; readonly step: number; readonly waitedUs: number; readonly replacement: Step};

/** The scenario with the adjustments that apply to all of it (this kernel's sysctls, Linux's profile). */
function adjustedScenario(scenario: Scenario, adjustments: readonly Adjustment[]): Scenario {
	let sysctls = scenario.sysctls;
	let profile = scenario.profile;
	for (const a of adjustments) {
		if (a.kind === 'sysctl') sysctls = {...sysctls, [a.field]: a.value};
		if (a.kind === 'profile') profile = 'linux';
	}
	return {...scenario, sysctls, profile};
}

/** A simulation run step by step; `apply(null)` leaves a skipped step out. */
export class Simulation {
	readonly world: World;
	readonly history: Sockets[] = [];

	constructor(scenario: Scenario, seed: number, adjustments: readonly Adjustment[] = []) {
		this.world = startWorld(adjustedScenario(scenario, adjustments), seed);
	}

	/** Run one step (or none) and return every socket after it, and the events it emitted. */
	apply(step: Step | null): {readonly sockets: Sockets; readonly from: number} {
		const from = this.world.events.length;
		if (step) {
			applyStep(this.world, step);
			takeSnapshots(this.world);
		}
		const sockets = simSockets(this.world);
		this.history.push(sockets);
		return {sockets, from};
	}
}

/** The step the lab's run has at `index` under these adjustments: the step, its replacement, or none. */
function stepUnder(step: Step, index: number, adjustments: readonly Adjustment[]): Step | null {
	const a = adjustments.find(x => x.kind !== 'sysctl' && x.kind !== 'profile' && x.step === index);
	if (!a || a.kind === 'sysctl' || a.kind === 'profile') return step;
	return a.kind === 'skip' ? null : a.replacement;
}

/**
 * Which adjustment makes the simulation part from the prediction by step `upTo`: the first one which, with every
 * adjustment before it, already does (sysctls and the profile first, then by step). Undefined if none alone does.
 */
export function blame(scenario: Scenario, seed: number, adjustments: readonly Adjustment[], predicted: readonly Sockets[], upTo: number): Adjustment | undefined {
	for (let k = 1; k <= adjustments.length; k++) {
		const some = adjustments.slice(0, k);
		const sim = new Simulation(scenario, seed, some);
		for (let i = 0; i <= upTo; i++) {
			const {sockets} = sim.apply(stepUnder(scenario.steps[i]!, i, some));
			if (!sameStates(sockets, predicted[i]!)) return adjustments[k - 1];
		}
	}
	return undefined;
}
