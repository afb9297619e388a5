// The scenario format (see README "Scenario files"): parse and validate, then run it step by step.
import {CALL_NAMES, type Call, type CallName} from './calls.js';
import type {NetAction, NetRule} from './network.js';
import {DEFAULT_SYSCTLS, type ProfileName, type Sysctls, sysctlsOf} from './profiles.js';
import {FLAG_ORDER, type Flag, type Segment, type Side} from './segment.js';
import {InputError, type Path, isRecord, showValue} from '../yaml-source.js';

export type SideCall = {readonly side: Side; readonly call: Call};

export type StepAction =
	| {readonly kind: 'call'; readonly side: Side; readonly call: Call; readonly client?: string}
	| {readonly kind: 'together'; readonly calls: readonly SideCall[]}
	| {readonly kind: 'wait'; readonly us: number}
	| {readonly kind: 'net'; readonly rule: Omit<NetRule, 'remaining'> & {readonly count: number}}
	| {readonly kind: 'flood'; readonly syns: number}
	| {readonly kind: 'inject'; readonly from: Side; readonly seg: Segment};

export type Step = StepAction & {
	readonly index: number;
	readonly line: number | undefined;
	/** An optional name that lessons can point at. */
	readonly id?: string;
	/** The step as written, for messages: "client: send 100". */
	readonly text: string;
};

export type EndpointConfig = {readonly isn?: number; readonly port?: number};

export type Scenario = {
	readonly profile: ProfileName;
	readonly client: EndpointConfig;
	readonly server: EndpointConfig;
	readonly latencyUs: number;
	readonly sysctls: Sysctls;
	readonly steps: readonly Step[];
};

/**
 * What no lesson needs, checked when a scenario is read (issue 10): the simulator's time and memory
 * grow with segments and steps, so these bound every run to well under a second. The sender does not
 * stop at the peer's window, so every byte sent before an ACK can be in flight at once (sends queued
 * while a SYN is lost leave together): the segments of all sends are bounded, not those of one.
 */
export const SCENARIO_LIMITS = {
	/** Steps, and calls in one "together". */
	steps: 10_000,
	/** Bytes one send may carry. */
	sendBytes: 1_000_000,
	/** Data segments all sends make together (bytes / mss, rounded up, per send). */
	segments: 10_000,
	/** All waits together, in seconds. */
	simulatedSeconds: 86_400,
	/** A listener's backlog: Linux's default somaxconn; the SYN queue's timers cost more than linearly in its length. */
	backlog: 4096,
} as const;

export const STEP_KINDS = ['client', 'server', 'together', 'wait', 'drop', 'delay', 'duplicate', 'reorder', 'flood', 'inject'] as const;

type Ctx = {readonly file: string; lineAt(path: Path): number | undefined};

function fail(ctx: Ctx, path: Path, where: string, expected: string): never {
	throw new InputError(ctx.file, ctx.lineAt(path), where, expected);
}

/** Validate plain data (from YAML) as a scenario. `base` is where it sits in a larger file. */
export function parseScenario(value: unknown, ctx: Ctx, base: Path = []): Scenario {
	if (!isRecord(value)) fail(ctx, base, 'scenario', 'expected a map with "steps" (and optionally profile, client, server, network, sysctl)');
	const known = ['profile', 'client', 'server', 'network', 'sysctl', 'steps'];
	for (const key of Object.keys(value)) {
		if (!known.includes(key)) fail(ctx, [...base, key], `scenario key "${key}"`, `unknown; expected one of ${known.join(', ')}`);
	}
	const profile = value['profile'] ?? 'linux';
	if (profile !== 'linux' && profile !== 'textbook') fail(ctx, [...base, 'profile'], 'profile', `expected "linux" or "textbook", got ${show(profile)}`);
	const network = optionalMap(value['network'], ctx, [...base, 'network'], ['latency', 'mss', 'window']);
	const sysctls = parseSysctls(value['sysctl'], ctx, [...base, 'sysctl']);
	const server = parseEndpoint(value['server'], ctx, [...base, 'server'], true);
	const steps = value['steps'];
	if (!Array.isArray(steps) || steps.length === 0) fail(ctx, [...base, 'steps'], 'steps', 'expected a non-empty list of steps');
	if (steps.length > SCENARIO_LIMITS.steps) fail(ctx, [...base, 'steps', SCENARIO_LIMITS.steps], `step ${SCENARIO_LIMITS.steps + 1}`, `more than ${SCENARIO_LIMITS.steps} steps; a scenario may have at most ${SCENARIO_LIMITS.steps}`);
	const scenario: Scenario = {
		profile,
		client: parseEndpoint(value['client'], ctx, [...base, 'client'], false),
		server,
		latencyUs: network['latency'] === undefined ? 0 : duration(network['latency'], ctx, [...base, 'network', 'latency'], 'network.latency'),
		sysctls: sysctlsOf({
			...sysctls,
			backlog: server.backlog ?? sysctls.backlog,
			mss: network['mss'] === undefined ? sysctls.mss : count(network['mss'], ctx, [...base, 'network', 'mss'], 'network.mss', 1),
			window: network['window'] === undefined ? sysctls.window : count(network['window'], ctx, [...base, 'network', 'window'], 'network.window', 0, 65535),
		}),
		steps: steps.map((s, i) => parseStep(s, i, ctx, [...base, 'steps', i])),
	};
	checkTotals(scenario, ctx, base);
	return scenario;
}

/** The limits that depend on the whole scenario: segments of data, simulated time. */
function checkTotals(scenario: Scenario, ctx: Ctx, base: Path): void {
	const {mss} = scenario.sysctls;
	let segments = 0;
	let waitedUs = 0;
	for (const step of scenario.steps) {
		const path = [...base, 'steps', step.index];
		const calls = step.kind === 'call' ? [step.call] : step.kind === 'together' ? step.calls.map(c => c.call) : [];
		for (const c of calls) segments += Math.ceil((c.bytes ?? 0) / mss);
		if (segments > SCENARIO_LIMITS.segments) {
			fail(ctx, path, `step ${step.index + 1} (${step.text.split(':')[0]})`, `the sends up to here make more than ${SCENARIO_LIMITS.segments} segments of data (mss ${mss}), the most a scenario may have`);
		}
		if (step.kind === 'wait') waitedUs += step.us;
		if (waitedUs > SCENARIO_LIMITS.simulatedSeconds * 1e6) {
			fail(ctx, path, `step ${step.index + 1} (wait)`, `the waits up to here add up to more than ${SCENARIO_LIMITS.simulatedSeconds} s (a day), the most a scenario may simulate`);
		}
	}
}

function optionalMap(v: unknown, ctx: Ctx, path: Path, keys: readonly string[]): Record<string, unknown> {
	if (v === undefined || v === null) return {};
	if (!isRecord(v)) fail(ctx, path, String(path.at(-1)), `expected a map with ${keys.join(', ')}`);
	for (const key of Object.keys(v)) if (!keys.includes(key)) fail(ctx, [...path, key], `${String(path.at(-1))}.${key}`, `unknown; expected one of ${keys.join(', ')}`);
	return v;
}

function parseEndpoint(v: unknown, ctx: Ctx, path: Path, isServer: boolean): EndpointConfig & {backlog?: number} {
	const keys = isServer ? ['isn', 'port', 'backlog'] : ['isn', 'port'];
	const m = optionalMap(v, ctx, path, keys);
	const name = String(path.at(-1));
	return {
		...(m['isn'] === undefined ? {} : {isn: count(m['isn'], ctx, [...path, 'isn'], `${name}.isn`, 0, 2 ** 32 - 1)}),
		...(m['port'] === undefined ? {} : {port: count(m['port'], ctx, [...path, 'port'], `${name}.port`, 1, 65535)}),
		...(m['backlog'] === undefined ? {} : {backlog: count(m['backlog'], ctx, [...path, 'backlog'], `${name}.backlog`, 1, SCENARIO_LIMITS.backlog)}),
	};
}

const SYSCTL_KEYS = [
	'tcp_syn_retries', 'tcp_syn_linear_timeouts', 'tcp_synack_retries', 'tcp_retries2', 'tcp_orphan_retries', 'tcp_fin_timeout', 'tcp_syncookies', 'tcp_max_syn_backlog', 'tcp_rfc1337',
	'tcp_keepalive_time', 'tcp_keepalive_intvl', 'tcp_keepalive_probes',
	'somaxconn', 'tcp_abort_on_overflow', 'tcp_tw_reuse', 'tcp_tw_reuse_delay', 'tcp_timestamps', 'ip_local_port_range',
] as const;

function parseSysctls(v: unknown, ctx: Ctx, path: Path): Sysctls {
	const m = optionalMap(v, ctx, path, SYSCTL_KEYS);
	const n = (key: string, min: number, max: number) => count(m[key], ctx, [...path, key], `sysctl.${key}`, min, max);
	return {
		...DEFAULT_SYSCTLS,
		...(m['tcp_syn_retries'] === undefined ? {} : {synRetries: n('tcp_syn_retries', 1, 127)}),
		...(m['tcp_syn_linear_timeouts'] === undefined ? {} : {synLinearTimeouts: n('tcp_syn_linear_timeouts', 0, 16)}),
		...(m['tcp_orphan_retries'] === undefined ? {} : {orphanRetries: n('tcp_orphan_retries', 0, 255)}),
		...(m['tcp_keepalive_time'] === undefined ? {} : {keepaliveTimeUs: n('tcp_keepalive_time', 1, 32767) * 1e6}),
		...(m['tcp_keepalive_intvl'] === undefined ? {} : {keepaliveIntvlUs: n('tcp_keepalive_intvl', 1, 32767) * 1e6}),
		...(m['tcp_keepalive_probes'] === undefined ? {} : {keepaliveProbes: n('tcp_keepalive_probes', 1, 127)}),
		...(m['tcp_synack_retries'] === undefined ? {} : {synackRetries: n('tcp_synack_retries', 1, 255)}),
		...(m['tcp_retries2'] === undefined ? {} : {retries2: n('tcp_retries2', 1, 255)}),
		...(m['tcp_fin_timeout'] === undefined ? {} : {finTimeoutUs: n('tcp_fin_timeout', 1, 3600) * 1e6}),
		...(m['tcp_syncookies'] === undefined ? {} : {syncookies: n('tcp_syncookies', 0, 2) as 0 | 1 | 2}),
		...(m['tcp_max_syn_backlog'] === undefined ? {} : {maxSynBacklog: n('tcp_max_syn_backlog', 1, 65535)}),
		...(m['tcp_rfc1337'] === undefined ? {} : {rfc1337: n('tcp_rfc1337', 0, 1) === 1}),
		...(m['somaxconn'] === undefined ? {} : {somaxconn: n('somaxconn', 1, SCENARIO_LIMITS.backlog)}),
		...(m['tcp_abort_on_overflow'] === undefined ? {} : {abortOnOverflow: n('tcp_abort_on_overflow', 0, 1) === 1}),
		...(m['tcp_tw_reuse'] === undefined ? {} : {twReuse: n('tcp_tw_reuse', 0, 2) as 0 | 1 | 2}),
		...(m['tcp_tw_reuse_delay'] === undefined ? {} : {twReuseDelayUs: n('tcp_tw_reuse_delay', 1, 2_000_000) * 1e3}),
		...(m['tcp_timestamps'] === undefined ? {} : {timestamps: n('tcp_timestamps', 0, 1) === 1}),
		...(m['ip_local_port_range'] === undefined ? {} : {localPorts: portRange(m['ip_local_port_range'], ctx, [...path, 'ip_local_port_range'])}),
	};
}

/** "41000 41000" or [41000, 41000]: the first and last port connect() may pick. */
function portRange(v: unknown, ctx: Ctx, path: Path): [number, number] {
	const parts = typeof v === 'string' ? v.trim().split(/\s+/).map(Number) : Array.isArray(v) ? v : [];
	const [lo, hi] = parts;
	const ok = parts.length === 2 && [lo, hi].every(p => typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535) && (lo as number) <= (hi as number);
	if (!ok) fail(ctx, path, 'sysctl.ip_local_port_range', `expected two ports "LOW HIGH" from 1 to 65535, LOW <= HIGH (e.g. "32768 60999"), got ${show(v)}`);
	return [lo as number, hi as number];
}

function parseStep(raw: unknown, index: number, ctx: Ctx, path: Path): Step {
	const where = `step ${index + 1}`;
	const expected = `expected one of ${STEP_KINDS.join(', ')} (e.g. "- client: connect", "- wait: 60s")`;
	if (!isRecord(raw)) fail(ctx, path, where, `${expected}, got ${show(raw)}`);
	const keys = Object.keys(raw).filter(k => k !== 'id');
	const kind = keys[0];
	if (keys.length !== 1 || kind === undefined) fail(ctx, path, where, `${expected}; one kind per step (and optionally "id"), got ${keys.join(', ') || 'nothing'}`);
	const id = raw['id'];
	if (id !== undefined && typeof id !== 'string') fail(ctx, [...path, 'id'], `${where} id`, 'expected a string');
	const action = parseAction(kind, raw[kind], ctx, [...path, kind], `${where} (${kind})`, expected);
	const text = `${kind}: ${typeof raw[kind] === 'string' || typeof raw[kind] === 'number' ? String(raw[kind]) : JSON.stringify(raw[kind])}`;
	return {...action, index, line: ctx.lineAt(path), text, ...(id === undefined ? {} : {id})};
}

/** "client A", "client 2": one of several clients, each its own socket and connection; "server A": the server's end of client A's. */
const NAMED_CLIENT = /^client ([A-Za-z0-9_-]{1,16})$/;
const NAMED_SERVER = /^server ([A-Za-z0-9_-]{1,16})$/;

function parseAction(kind: string, v: unknown, ctx: Ctx, path: Path, where: string, expected: string): StepAction {
	const named = NAMED_CLIENT.exec(kind);
	if (named) return {kind: 'call', side: 'client', call: parseCall(v, ctx, path, where), client: named[1]!};
	const end = NAMED_SERVER.exec(kind);
	if (end) return {kind: 'call', side: 'server', call: parseCall(v, ctx, path, where), client: end[1]!};
	switch (kind) {
		case 'client':
		case 'server':
			return {kind: 'call', side: kind, call: parseCall(v, ctx, path, where)};
		case 'together': {
			if (!Array.isArray(v) || v.length === 0) fail(ctx, path, where, 'expected a list of calls, e.g. [ { client: close }, { server: close } ]');
			if (v.length > SCENARIO_LIMITS.steps) fail(ctx, [...path, SCENARIO_LIMITS.steps], `${where} item ${SCENARIO_LIMITS.steps + 1}`, `more than ${SCENARIO_LIMITS.steps} calls at one instant`);
			return {kind: 'together', calls: v.map((c, i) => {
				const p = [...path, i];
				if (!isRecord(c) || Object.keys(c).length !== 1) fail(ctx, p, `${where} item ${i + 1}`, 'expected { client: CALL } or { server: CALL }');
				const side = Object.keys(c)[0];
				if (side !== 'client' && side !== 'server') fail(ctx, p, `${where} item ${i + 1}`, `expected client or server, got "${side}"`);
				return {side, call: parseCall(c[side], ctx, [...p, side], `${where} item ${i + 1}`)};
			})};
		}
		case 'wait':
			return {kind: 'wait', us: duration(v, ctx, path, where)};
		case 'drop':
		case 'delay':
		case 'duplicate':
		case 'reorder':
			return {kind: 'net', rule: parseRule(kind, v, ctx, path, where)};
		case 'flood': {
			if (isRecord(v)) for (const key of Object.keys(v)) if (key !== 'syns') fail(ctx, [...path, key], `${where} ${key}`, 'unknown; expected syns');
			const syns = isRecord(v) ? v['syns'] : v;
			return {kind: 'flood', syns: count(syns, ctx, isRecord(v) ? [...path, 'syns'] : path, where, 1, 1_000_000)};
		}
		case 'inject':
			return parseInject(v, ctx, path, where);
		default:
			return fail(ctx, path.slice(0, -1), `${where.replace(/ \(.*\)$/, '')}: unknown step "${kind}"`, expected);
	}
}

function parseCall(v: unknown, ctx: Ctx, path: Path, where: string): Call {
	const expected = `expected a call: ${CALL_NAMES.map(c => (c === 'send' ? 'send N' : c)).join(', ')} (or close listener, listen reuseaddr, accept all [for T])`;
	if (typeof v !== 'string') fail(ctx, path, where, `${expected}, got ${show(v)}`);
	const [name, arg, ...rest] = v.trim().split(/\s+/);
	if (!CALL_NAMES.includes(name as CallName) || (rest.length > 0 && name !== 'keepalive' && name !== 'send' && name !== 'accept')) fail(ctx, path, where, `${expected}, got "${v}"`);
	if (name === 'accept') {
		// accept (one connection), accept all (every one waiting), accept all for 6s (accept() in a loop that long).
		if (arg === undefined) return {name};
		if (arg !== 'all' || (rest.length > 0 && (rest[0] !== 'for' || rest.length !== 2))) fail(ctx, path, where, `expected "accept", "accept all" or "accept all for DURATION" (e.g. accept all for 6s), got "${v}"`);
		return {name, all: true, ...(rest[1] === undefined ? {} : {forUs: duration(rest[1], ctx, path, where)})};
	}
	if (name === 'close' && arg === 'listener') return {name, listener: true};
	if (name === 'listen' && arg === 'reuseaddr') return {name, reuseAddr: true};
	if (name === 'send') {
		if (arg === undefined || !/^\d+$/.test(arg) || Number(arg) < 1 || rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'more')) {
			fail(ctx, path, where, `expected "send N" (or "send N more", MSG_MORE) with N a whole number of bytes from 1, got "${v}"`);
		}
		if (Number(arg) > SCENARIO_LIMITS.sendBytes) fail(ctx, path, where, `"${v}" is more than ${SCENARIO_LIMITS.sendBytes} bytes, the most one send may carry (a lesson needs a few thousand)`);
		return {name, bytes: Number(arg), ...(rest[0] === 'more' ? {more: true} : {})};
	}
	if (name === 'keepalive') {
		// SO_KEEPALIVE alone (the sysctls' times), or with TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT: "keepalive 2s 1s 3".
		if (arg === undefined) return {name};
		const [intvl, cnt] = rest;
		const probes = Number(cnt);
		if (intvl === undefined || cnt === undefined || !/^\d+$/.test(cnt) || probes < 1 || probes > 127) {
			fail(ctx, path, where, `expected "keepalive" or "keepalive IDLE INTERVAL COUNT" (e.g. keepalive 2s 1s 3), got "${v}"`);
		}
		const keepalive = {idleUs: duration(arg, ctx, path, where), intvlUs: duration(intvl, ctx, path, where), probes};
		// Linux refuses TCP_KEEPIDLE and TCP_KEEPINTVL below 1 s; 0 would probe without end at one instant.
		if (keepalive.idleUs < 1e6 || keepalive.intvlUs < 1e6) fail(ctx, path, where, `keepalive times are at least 1s (as Linux's TCP_KEEPIDLE and TCP_KEEPINTVL), got "${v}"`);
		return {name, keepalive};
	}
	if (arg !== undefined) fail(ctx, path, where, `"${name}" takes no argument, got "${v}"`);
	return {name: name as CallName};
}

function parseRule(action: NetAction, v: unknown, ctx: Ctx, path: Path, where: string): Omit<NetRule, 'remaining'> & {count: number} {
	const keys = action === 'delay' ? ['from', 'flags', 'count', 'by'] : ['from', 'flags', 'count'];
	const m = v === null || v === undefined ? {} : v;
	if (!isRecord(m)) fail(ctx, path, where, `expected a map with ${keys.join(', ')}`);
	for (const key of Object.keys(m)) if (!keys.includes(key)) fail(ctx, [...path, key], `${where} ${key}`, `unknown; expected one of ${keys.join(', ')}`);
	if (action === 'delay' && m['by'] === undefined) fail(ctx, path, where, 'expected "by", how long to hold the segment (e.g. by: 2s)');
	return {
		action,
		...(m['from'] === undefined ? {} : ruleFrom(m['from'], ctx, [...path, 'from'], `${where} from`)),
		...(m['flags'] === undefined ? {} : {flags: flags(m['flags'], ctx, [...path, 'flags'], `${where} flags`)}),
		...(m['by'] === undefined ? {} : {byUs: duration(m['by'], ctx, [...path, 'by'], `${where} by`)}),
		// "all": every matching segment from now on (a cable cut, a host that stopped answering).
		count: m['count'] === undefined ? 1 : m['count'] === 'all' ? Infinity : count(m['count'], ctx, [...path, 'count'], `${where} count`, 1, 1000),
	};
}

function parseInject(v: unknown, ctx: Ctx, path: Path, where: string): StepAction {
	const keys = ['from', 'flags', 'seq', 'ack', 'len'];
	if (!isRecord(v)) fail(ctx, path, where, `expected a map with ${keys.join(', ')}, e.g. { from: client, flags: [SYN], seq: 900 }`);
	for (const key of Object.keys(v)) if (!keys.includes(key)) fail(ctx, [...path, key], `${where} ${key}`, `unknown; expected one of ${keys.join(', ')}`);
	const fl = flags(v['flags'], ctx, [...path, 'flags'], `${where} flags`);
	const ctls = fl.filter(f => f === 'SYN' || f === 'FIN' || f === 'RST');
	if (ctls.length > 1) fail(ctx, [...path, 'flags'], `${where} flags`, 'at most one of SYN, FIN, RST');
	const hasAck = fl.includes('ACK');
	if (hasAck !== (v['ack'] !== undefined)) fail(ctx, [...path, hasAck ? 'flags' : 'ack'], `${where} ack`, 'give "ack" exactly when the flags include ACK');
	return {
		kind: 'inject',
		from: side(v['from'], ctx, [...path, 'from'], `${where} from`),
		seg: {
			seq: count(v['seq'], ctx, [...path, 'seq'], `${where} seq`, 0, 2 ** 32 - 1),
			ack: hasAck ? count(v['ack'], ctx, [...path, 'ack'], `${where} ack`, 0, 2 ** 32 - 1) : null,
			ctl: (ctls[0] as Segment['ctl']) ?? null,
			len: v['len'] === undefined ? 0 : count(v['len'], ctx, [...path, 'len'], `${where} len`, 0, 65535),
			win: 65535,
		},
	};
}

/** client, server, or one named client ("client C"). */
function ruleFrom(v: unknown, ctx: Ctx, path: Path, where: string): {from: Side; client?: string} {
	const named = typeof v === 'string' ? NAMED_CLIENT.exec(v) : null;
	if (named) return {from: 'client', client: named[1]!};
	return {from: side(v, ctx, path, where)};
}

function side(v: unknown, ctx: Ctx, path: Path, where: string): Side {
	if (v !== 'client' && v !== 'server') fail(ctx, path, where, `expected client or server, got ${show(v)}`);
	return v;
}

function flags(v: unknown, ctx: Ctx, path: Path, where: string): Flag[] {
	const list = typeof v === 'string' ? v.split(/[\s,+]+/).filter(Boolean) : v;
	if (!Array.isArray(list) || list.some(f => typeof f !== 'string' || !FLAG_ORDER.includes(f.toUpperCase() as Flag))) {
		fail(ctx, path, where, `expected a list of flags from ${FLAG_ORDER.join(', ')}, got ${show(v)}`);
	}
	return list.map(f => (f as string).toUpperCase() as Flag);
}

/** A whole number in [min, max]. */
function count(v: unknown, ctx: Ctx, path: Path, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(ctx, path, where, `expected a whole number from ${min} to ${max}, got ${show(v)}`);
	return v;
}

/** "60s", "300ms", "1.5s", "2m" or a number of seconds → microseconds. */
export function duration(v: unknown, ctx: Ctx, path: Path, where: string): number {
	const m = typeof v === 'number' ? [String(v), String(v), 's'] : typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|m|min)?\s*$/.exec(v) : null;
	const scale: Record<string, number> = {us: 1, ms: 1e3, s: 1e6, m: 60e6, min: 60e6};
	const n = m ? Number(m[1]) * scale[m[2] ?? 's']! : NaN;
	if (!Number.isFinite(n) || n < 0 || n > 86_400e6) fail(ctx, path, where, `expected a duration such as 300ms, 60s or 2m, got ${show(v)}`);
	return Math.round(n);
}

function show(v: unknown): string {
	return v === undefined ? 'nothing' : showValue(v);
}

