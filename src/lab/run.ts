// The lab's loop: each step on the simulator (as written, and as the lab can perform it) and on real
// sockets, then the kernel's state of every socket of the scenario beside the prediction. No output
// here: each step is handed to `onStep` (commands/lab.ts prints it).
import type {State} from '../sim/endpoint.js';
import type {Sysctls} from '../sim/profiles.js';
import type {Scenario, Step} from '../sim/scenario.js';
import type {Side} from '../sim/segment.js';
import {live} from '../sim/sockets.js';
import type {KernelReader, KernelSocket} from './kernel.js';
import {type Change, type SkipReason, cutWait, planStep} from './plan.js';
import {advance} from '../sim/world.js';
import {type Adjustment, Simulation, type Sockets, blame, keyOf, sameStates, simSockets, stateOf} from './predict.js';
import {RealSockets, type Tuple, freePort} from './sockets.js';

/** One socket after a step: the kernel's state, and the simulator's (absent once the comparison stopped and it has no counterpart). */
export type Row = {
	readonly label: string;
	readonly side: Side;
	readonly conn: number;
	readonly kernel: State;
	readonly predicted?: State;
	/** Set on a compared step. */
	readonly agree?: boolean;
	/** The kernel matched the prediction this many milliseconds after the step (a timer the step left pending had fired). */
	readonly laterMs?: number;
};

export type LabStep = {
	/** 0-based. */
	readonly index: number;
	readonly text: string;
	readonly status: 'compared' | 'skipped' | 'not-compared';
	readonly skipped?: SkipReason;
	readonly change?: Change;
	/** A wait, and how long the lab really waited. */
	readonly waited?: {readonly us: number; readonly of: number};
	/** On the step where the comparison stops: the first difference that changes what follows (or unknown). */
	readonly stop?: Adjustment | 'unknown';
	readonly rows: readonly Row[];
	/** A compared step: every socket agrees. */
	readonly agree?: boolean;
};

export type LabOptions = {
	readonly scenario: Scenario;
	readonly seed: number;
	readonly reader: KernelReader;
	/** This kernel's sysctls (where known): the lab's simulation runs with them. */
	readonly sysctls?: Partial<Sysctls>;
	/** Let real time pass: at most `us`; returns how long it waited. `comparing`: whether anything depends on it still. */
	wait(us: number, comparing: boolean): Promise<number>;
	onStep(step: LabStep): void;
	/** Told the server's port before the first step. */
	onStart?(serverPort: number): void;
	/** How long a state may take to settle on the kernel (a delayed ACK not yet sent): polled, then compared. */
	readonly settleMs?: number;
};

export type LabResult = {readonly steps: readonly LabStep[]; readonly serverPort: number; readonly adjustments: readonly Adjustment[]};

export async function runLab(o: LabOptions): Promise<LabResult> {
	const {scenario, seed} = o;
	const settleMs = o.settleMs ?? 100;
	const adjustments: Adjustment[] = [];
	for (const [field, value] of Object.entries(o.sysctls ?? {}) as [keyof Sysctls, unknown][]) {
		if (String(value) !== String(scenario.sysctls[field])) adjustments.push({kind: 'sysctl', field, value});
	}
	if (scenario.profile !== 'linux') adjustments.push({kind: 'profile'});
	const prediction = new Simulation(scenario, seed);
	const feasible = new Simulation(scenario, seed, adjustments);
	/** Blame looks at what the lab left out first, in step order, then at this kernel's settings. */
	const inOrder = () => [...adjustments.filter(a => a.kind !== 'sysctl' && a.kind !== 'profile'), ...adjustments.filter(a => a.kind === 'sysctl' || a.kind === 'profile')];
	const serverPort = await freePort();
	const real = new RealSockets(serverPort, scenario.client.port === undefined ? undefined : await freePort(), async t => {
		const k = (await o.reader.read()).find(s => s.localPort === t.local && s.remotePort === t.remote);
		return k?.recvQ;
	});
	o.onStart?.(serverPort);
	const connected = new Set<number>();
	/** When the last real call was made: the kernel's timers run from then, the simulator's stand still between steps. */
	let lastCall = Date.now();
	let comparing = true;
	let previous: Row[] = [];
	const steps: LabStep[] = [];
	try {
		for (const step of scenario.steps) {
			const i = step.index;
			const plan = planStep(step);
			const predicted = prediction.apply(step).sockets;
			let feasibleNow: Sockets;
			let waited: LabStep['waited'];
			if (plan.kind === 'skip') {
				adjustments.push({kind: 'skip', step: i, reason: plan.reason});
				feasibleNow = feasible.apply(null).sockets;
			} else if (plan.kind === 'wait') {
				const us = await o.wait(plan.us, comparing);
				lastCall = Date.now();
				waited = {us, of: plan.us};
				const replacement = us < plan.us ? cutWait(step, us) : step;
				if (replacement !== step) adjustments.push({kind: 'cut', step: i, waitedUs: us, replacement});
				feasibleNow = feasible.apply(replacement).sockets;
			} else {
				if (plan.change) adjustments.push({kind: 'change', step: i, change: plan.change, replacement: plan.step});
				const before = feasible.world;
				const serverEnds = before.socks.filter(t => t.side === 'server' && t.conn > 0 && live(t)).map(t => ({conn: t.conn, accepted: t.accepted, current: t === before.eps.server}));
				const {sockets, from} = feasible.apply(plan.step);
				feasibleNow = sockets;
				const called = feasible.world.events.slice(from).find(e => e.type === 'call' && plan.step.kind === 'call' && e.endpoint === plan.step.side);
				const conn = called?.type === 'call' ? called.conn : 0;
				lastCall = Date.now();
				await perform(real, plan.step, conn, serverEnds, scenario.sysctls.backlog, called?.type === 'call' ? called.result : '');
				if (plan.step.kind === 'call' && plan.step.call.name === 'connect' && conn > 0) connected.add(conn);
			}
			let stop: LabStep['stop'];
			if (comparing && !sameStates(predicted, feasibleNow)) {
				comparing = false;
				stop = blame(scenario, seed, inOrder(), prediction.history, i) ?? 'unknown';
			}
			const candidates = candidateKeys(comparing ? predicted : undefined, feasibleNow, connected);
			let kernel = await kernelStates(o.reader, real, candidates);
			let moment = momentLater(prediction.world, lastCall);
			if (comparing && plan.kind !== 'skip') {
				// The kernel may be a moment behind the simulator (a delayed ACK due now): poll briefly before comparing.
				const start = Date.now();
				while (candidates.some(k => !fits(kernel.get(k), k, predicted, moment.sockets)) && Date.now() - start < settleMs) {
					await new Promise(r => setTimeout(r, 5));
					kernel = await kernelStates(o.reader, real, candidates);
					moment = momentLater(prediction.world, lastCall);
				}
			}
			const keys = shownKeys(candidates, kernel, predicted, feasibleNow, previous);
			const compared = comparing && plan.kind !== 'skip';
			const rows = keys.map(k => rowOf(k, kernel.get(k) ?? 'CLOSED', predicted, feasibleNow, comparing, compared, feasible.world.lastConn > 1, nameOf(feasible.world, k), moment));
			const result: LabStep = {
				index: i, text: step.text,
				status: plan.kind === 'skip' ? 'skipped' : compared ? 'compared' : 'not-compared',
				...(plan.kind === 'skip' ? {skipped: plan.reason} : {}),
				...(plan.kind === 'perform' && plan.change ? {change: plan.change} : {}),
				...(waited ? {waited} : {}),
				...(stop ? {stop} : {}),
				rows,
				...(compared ? {agree: rows.every(r => r.agree)} : {}),
			};
			previous = rows;
			steps.push(result);
			o.onStep(result);
		}
	} finally {
		real.dispose();
	}
	return {steps, serverPort, adjustments};
}

/** A server connection before the step: whether accept() took it, and whether it is the one `server:` means now. */
type ServerEnd = {readonly conn: number; readonly accepted: boolean; readonly current: boolean};

/** The real calls of one step, on the socket the simulator's call named (side and connection). */
async function perform(real: RealSockets, step: Step, conn: number, serverEnds: readonly ServerEnd[], backlog: number, result: string): Promise<void> {
	if (step.kind !== 'call') return;
	const side = step.side;
	const c = step.call;
	const listener = side === 'server' && conn === 0;
	switch (c.name) {
		case 'listen': return real.listen(backlog);
		case 'connect':
			// EISCONN, EADDRNOTAVAIL: the kernel refuses the call as the simulator does, with no new socket.
			if (conn > 0 && result === 'ok') await real.connect(conn);
			return;
		case 'send': return listener ? undefined : real.send(side, conn, c.bytes ?? 0);
		case 'read': return listener ? undefined : real.read(side, conn);
		case 'shutdown': return listener ? undefined : real.shutdown(side, conn);
		case 'abort': return listener ? undefined : real.abort(side, conn);
		case 'close':
			if (!listener && !c.listener) return real.close(side, conn);
			// Node accepted every connection as it came; the kernel resets those nobody accept()ed (inet_child_forget).
			for (const s of serverEnds) if (!s.accepted) await real.abort('server', s.conn);
			return real.closeListener();
		case 'exit':
			if (side === 'client') return real.close(side, conn);
			// The kernel closes the process's sockets: the listener (resetting what it did not accept), then each connection;
			// the one the process was serving counts as accepted.
			for (const s of serverEnds) if (!s.accepted && !s.current) await real.abort('server', s.conn);
			real.closeListener();
			for (const s of serverEnds) if (s.accepted || s.current) await real.close('server', s.conn);
			return;
		default:
			return; // accept: Node has accepted already
	}
}

/** Every socket of the scenario: the simulator's, and the real ones the lab opened. */
function candidateKeys(predicted: Sockets | undefined, feasible: Sockets, connected: ReadonlySet<number>): string[] {
	// Once the runs part, the prediction's connection numbers may name other connections: only the lab's own are shown.
	const all = new Set<string>([...(predicted?.byKey.keys() ?? []), ...feasible.byKey.keys(), feasible.client, feasible.server]);
	for (const c of connected) all.add(keyOf('client', c)).add(keyOf('server', c));
	return [...all];
}

/** The sockets to show: the two current ones, and any socket that is, or just was, not CLOSED in either view. */
function shownKeys(candidates: readonly string[], kernel: ReadonlyMap<string, State>, predicted: Sockets, feasible: Sockets, previous: readonly Row[]): string[] {
	const wasOpen = new Set(previous.filter(r => r.kernel !== 'CLOSED' || (r.predicted ?? 'CLOSED') !== 'CLOSED').map(r => keyOf(r.side, r.conn)));
	const open = (k: string) => stateOf(predicted, k) !== 'CLOSED' || stateOf(feasible, k) !== 'CLOSED' || (kernel.get(k) ?? 'CLOSED') !== 'CLOSED';
	const shown = candidates.filter(k => k === feasible.client || k === feasible.server || open(k) || wasOpen.has(k));
	const rank = (k: string) => (k === feasible.client ? 0 : k === feasible.server ? 1 : k === 'server:0' ? 2 : 3);
	const conn = (k: string) => Number(k.split(':')[1]);
	return shown.sort((a, b) => rank(a) - rank(b) || conn(a) - conn(b) || a.localeCompare(b));
}

/** The kernel's state of each socket, by the simulator's key: a four-tuple's entry belongs to the newest connection that uses it. */
async function kernelStates(reader: KernelReader, real: RealSockets, keys: readonly string[]): Promise<Map<string, State>> {
	const table: KernelSocket[] = await reader.read();
	const out = new Map<string, State>();
	const claimed = new Set<string>();
	const tuples = keys.map(k => ({k, t: real.tuple(k.startsWith('client') ? 'client' : 'server', Number(k.split(':')[1]))}));
	tuples.sort((a, b) => Number(b.k.split(':')[1]) - Number(a.k.split(':')[1]));
	for (const {k, t} of tuples) {
		const id = t ? tupleId(t) : undefined;
		const found = id && !claimed.has(id) ? table.find(s => tupleId({local: s.localPort, remote: s.remotePort}) === id && (t!.remote !== 0 || s.state === 'LISTEN')) : undefined;
		if (id && found) claimed.add(id);
		out.set(k, found?.state ?? 'CLOSED');
	}
	return out;
}

const tupleId = (t: Tuple) => `${t.local}>${t.remote}`;

function nameOf(w: Simulation['world'], key: string): string {
	const conn = Number(key.split(':')[1]);
	return w.socks.find(t => t.side === 'client' && t.conn === conn)?.name ?? '';
}

/**
 * The prediction as far on as the real clock is since the last call (at most a second): the simulator's steps take no
 * time, the lab's a few milliseconds, in which a timer due then (a delayed ACK of a FIN, one 4 ms tick) has fired.
 */
function momentLater(w: Simulation['world'], since: number): {readonly sockets: Sockets; readonly ms: number} {
	const ms = Math.min(1000, Date.now() - since);
	const later = structuredClone(w);
	advance(later, ms * 1000);
	return {sockets: simSockets(later), ms};
}

/** The kernel's state is the prediction's, now or a moment later. */
function fits(kernel: State | undefined, key: string, predicted: Sockets, later: Sockets): boolean {
	const k = kernel ?? 'CLOSED';
	return k === stateOf(predicted, key) || k === stateOf(later, key);
}

function rowOf(key: string, kernel: State, predicted: Sockets, feasible: Sockets, comparing: boolean, compared: boolean, numbered: boolean, name: string, moment: {readonly sockets: Sockets; readonly ms: number}): Row {
	const side: Side = key.startsWith('client') ? 'client' : 'server';
	const conn = Number(key.split(':')[1]);
	const label = conn === 0 && side === 'server' ? 'listener' : `${side}${name ? ` ${name}` : ''}${numbered ? ` #${conn}` : ''}`;
	// Once the runs part, connection numbers may differ: only the current client, server and listener have a counterpart.
	const counterpart = comparing ? key : key === feasible.client ? predicted.client : key === feasible.server ? predicted.server : key === 'server:0' ? key : undefined;
	const now = counterpart === undefined ? undefined : stateOf(predicted, counterpart);
	const later = compared && now !== kernel && stateOf(moment.sockets, key) === kernel ? moment.ms : undefined;
	const p = later === undefined ? now : kernel;
	return {label, side, conn, kernel, ...(p === undefined ? {} : {predicted: p}), ...(later === undefined ? {} : {laterMs: later}), ...(compared ? {agree: p === kernel} : {})};
}
