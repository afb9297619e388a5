// What the lab can do with each step of a scenario, as an unprivileged process with Node's net on
// loopback: the step as the simulator should run it to match what the kernel is made to do, or why it
// is skipped. Pure, and small: the lesson summary asks it whether to offer the lab.
import type {Scenario, Step} from '../sim/scenario.js';

/** Why a step is not performed: each needs what a process without privileges does not have. */
export type SkipReason = 'drop' | 'delay' | 'duplicate' | 'reorder' | 'flood' | 'inject' | 'crash' | 'poweroff' | 'keepalive' | 'cork' | 'together' | 'serverConnect';

/** A step performed in a form the simulator must be told of (it may change what the kernel does). */
export type Change = 'more' | 'reuseaddr';

export type StepPlan =
	| {readonly kind: 'perform'; readonly step: Step; readonly change?: Change}
	/** wait, or accept all for T: real time passes (capped, or skipped at Enter). */
	| {readonly kind: 'wait'; readonly us: number}
	| {readonly kind: 'skip'; readonly reason: SkipReason};

export function planStep(step: Step): StepPlan {
	switch (step.kind) {
		case 'wait': return {kind: 'wait', us: step.us};
		case 'net': return {kind: 'skip', reason: step.rule.action}; // a packet filter or netem, as root
		case 'flood': return {kind: 'skip', reason: 'flood'}; // spoofed source addresses: raw sockets
		case 'inject': return {kind: 'skip', reason: 'inject'};
		// Calls at one instant: on loopback the first call's segment arrives before the next call is made.
		case 'together': return {kind: 'skip', reason: 'together'};
		case 'call': break;
	}
	const c = step.call;
	switch (c.name) {
		case 'crash':
		case 'poweroff':
			return {kind: 'skip', reason: c.name}; // a host that vanishes without a segment: a process cannot
		case 'keepalive': return {kind: 'skip', reason: 'keepalive'}; // Node sets TCP_KEEPIDLE only, not TCP_KEEPINTVL nor TCP_KEEPCNT
		case 'cork':
		case 'uncork':
			return {kind: 'skip', reason: 'cork'}; // Node's net has no TCP_CORK (its cork() holds writes in the process)
		case 'connect':
			return step.side === 'server' ? {kind: 'skip', reason: 'serverConnect'} : {kind: 'perform', step};
		case 'accept':
			return c.forUs === undefined ? {kind: 'perform', step} : {kind: 'wait', us: c.forUs};
		case 'listen':
			// libuv sets SO_REUSEADDR on every socket it binds.
			return c.reuseAddr ? {kind: 'perform', step} : {kind: 'perform', step: {...step, call: {...c, reuseAddr: true}}, change: 'reuseaddr'};
		case 'send':
			// No MSG_MORE in Node's net: the bytes leave at once.
			return c.more ? {kind: 'perform', step: {...step, call: {name: 'send', ...(c.bytes === undefined ? {} : {bytes: c.bytes})}}, change: 'more'} : {kind: 'perform', step};
		default:
			return {kind: 'perform', step};
	}
}

/** The step the simulator runs for a wait cut to `us` (accept all for T keeps accepting for that long). */
export function cutWait(step: Step, us: number): Step {
	if (step.kind === 'wait') return {...step, us};
	if (step.kind === 'call') return {...step, call: {...step.call, forUs: us}};
	return step;
}

/** Whether the lab can perform any call of a scenario (the lesson summary offers it then). */
export function labCanRun(scenario: Scenario): boolean {
	return scenario.steps.some(s => s.kind === 'call' && planStep(s).kind !== 'skip');
}
