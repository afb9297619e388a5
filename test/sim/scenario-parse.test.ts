// Bad scenario input gets an InputError naming the file, the line and what was expected (DESIGN.md "Bad input").
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {inputErrorOf} from '../helpers/thrown.js';

type Case = {
	readonly name: string;
	readonly yaml: string;
	readonly line: number;
	/** Fragments the message must hold: where the problem is, and what was expected. */
	readonly where: string;
	readonly expected: string;
};

const steps = (...lines: string[]) => ['steps:', '  - server: listen', ...lines.map(l => `  - ${l}`)].join('\n');

const CASES: Case[] = [
	{name: 'unknown step', yaml: steps('jump: 5'), line: 3, where: 'step 2: unknown step "jump"', expected: 'expected one of client, server, together, wait'},
	{name: 'unknown call', yaml: steps('client: dance'), line: 3, where: 'step 2 (client)', expected: 'expected a call: listen, connect, accept, send N'},
	{name: 'send without a number', yaml: steps('client: send lots'), line: 3, where: 'step 2 (client)', expected: 'expected "send N" (or "send N more", MSG_MORE) with N a whole number of bytes from 1, got "send lots"'},
	{name: 'send 0', yaml: steps('client: send 0'), line: 3, where: 'step 2 (client)', expected: 'got "send 0"'},
	{name: 'close with an argument', yaml: steps('client: close now'), line: 3, where: 'step 2 (client)', expected: '"close" takes no argument'},
	{name: 'bad duration', yaml: steps('wait: soon'), line: 3, where: 'step 2 (wait)', expected: 'expected a duration such as 300ms, 60s or 2m, got "soon"'},
	{name: 'negative duration', yaml: steps('wait: -1'), line: 3, where: 'step 2 (wait)', expected: 'got -1'},
	{name: 'count out of range', yaml: steps('drop: { count: 0 }'), line: 3, where: 'step 2 (drop) count', expected: 'expected a whole number from 1 to 1000, got 0'},
	{name: 'count not a whole number', yaml: steps('drop: { count: 1.5 }'), line: 3, where: 'step 2 (drop) count', expected: 'got 1.5'},
	{name: 'delay without by', yaml: steps('delay: { from: client }'), line: 3, where: 'step 2 (delay)', expected: 'expected "by"'},
	{name: 'unknown rule key', yaml: steps('drop: { side: client }'), line: 3, where: 'step 2 (drop) side', expected: 'unknown; expected one of from, flags, count'},
	{name: 'unknown flag', yaml: steps('drop: { flags: [SYN, XMAS] }'), line: 3, where: 'step 2 (drop) flags', expected: 'expected a list of flags from ACK, FIN, PSH, RST, SYN, URG'},
	{name: 'bad side', yaml: steps('drop: { from: router }'), line: 3, where: 'step 2 (drop) from', expected: 'expected client or server, got "router"'},
	{name: 'two kinds in one step', yaml: steps('{ client: connect, wait: 1s }'), line: 3, where: 'step 2', expected: 'one kind per step (and optionally "id"), got client, wait'},
	{name: 'a step that is not a map', yaml: steps('connect'), line: 3, where: 'step 2', expected: 'got "connect"'},
	{name: 'together with a bad side', yaml: steps('together: [ { router: close } ]'), line: 3, where: 'step 2 (together) item 1', expected: 'expected client or server, got "router"'},
	{name: 'inject with two controls', yaml: steps('inject: { from: client, flags: [SYN, FIN], seq: 1 }'), line: 3, where: 'step 2 (inject) flags', expected: 'at most one of SYN, FIN, RST'},
	{name: 'inject ack without ACK', yaml: steps('inject: { from: client, flags: [SYN], seq: 1, ack: 5 }'), line: 3, where: 'step 2 (inject) ack', expected: 'give "ack" exactly when the flags include ACK'},
	{name: 'inject seq too big', yaml: steps('inject: { from: client, flags: [SYN], seq: 4294967296 }'), line: 3, where: 'step 2 (inject) seq', expected: 'expected a whole number from 0 to 4294967295, got 4294967296'},
	{name: 'flood of nothing', yaml: steps('flood: 0'), line: 3, where: 'step 2 (flood)', expected: 'expected a whole number from 1 to 1000000, got 0'},
	{name: 'ISN beyond 32 bits', yaml: `client:\n  isn: 4294967296\n${steps()}`, line: 2, where: 'client.isn', expected: 'expected a whole number from 0 to 4294967295, got 4294967296'},
	{name: 'backlog on the client', yaml: `client: { backlog: 4 }\n${steps()}`, line: 1, where: 'client.backlog', expected: 'unknown; expected one of isn, port'},
	{name: 'unknown profile', yaml: `profile: bsd\n${steps()}`, line: 1, where: 'profile', expected: 'expected "linux" or "textbook", got "bsd"'},
	{name: 'unknown top-level key', yaml: `colour: red\n${steps()}`, line: 1, where: 'scenario key "colour"', expected: 'unknown; expected one of profile, client, server, network, sysctl, steps'},
	{name: 'unknown sysctl', yaml: `sysctl:\n  tcp_tw_recycle: 1\n${steps()}`, line: 2, where: 'sysctl.tcp_tw_recycle', expected: 'unknown; expected one of tcp_syn_retries'},
	{name: 'sysctl out of range', yaml: `sysctl:\n  tcp_syn_retries: 0\n${steps()}`, line: 2, where: 'sysctl.tcp_syn_retries', expected: 'expected a whole number from 1 to 127, got 0'},
	{name: 'window too big', yaml: `network: { window: 70000 }\n${steps()}`, line: 1, where: 'network.window', expected: 'expected a whole number from 0 to 65535, got 70000'},
	{name: 'no steps', yaml: 'steps: []', line: 1, where: 'steps', expected: 'expected a non-empty list of steps'},
	{name: 'not a map at all', yaml: '- client: connect', line: 1, where: 'scenario', expected: 'expected a map with "steps"'},
	{name: 'YAML syntax: unclosed flow sequence', yaml: steps('drop: { flags: [SYN }'), line: 3, where: 'YAML syntax', expected: 'end with a ]'},
	{name: 'YAML syntax: duplicate key', yaml: `profile: linux\nprofile: textbook\n${steps()}`, line: 2, where: 'YAML syntax', expected: 'unique'},
];

const thrown = (yaml: string) => inputErrorOf(() => scenarioFromYaml(yaml, 'lessons/bad.yaml'));

describe('bad scenario input', () => {
	it.each(CASES)('$name → line $line: $where', c => {
		const e = thrown(c.yaml);
		expect({file: e.file, line: e.line}).toEqual({file: 'lessons/bad.yaml', line: c.line});
		expect(e.message.startsWith(`lessons/bad.yaml:${c.line}: `)).toBe(true);
		expect(e.where).toContain(c.where);
		expect(e.expected).toContain(c.expected);
	});
});

describe('good scenario input', () => {
	it('reads durations, flags in any case and step ids', () => {
		const s = scenarioFromYaml(steps('wait: 1.5s', 'wait: 300ms', 'wait: 2m', 'drop: { flags: "syn,ack" }', '{ id: bye, client: close }'));
		expect(s.steps.map(st => st.kind)).toEqual(['call', 'wait', 'wait', 'wait', 'net', 'call']);
		expect(s.steps.slice(1, 4).map(st => (st.kind === 'wait' ? st.us : -1))).toEqual([1_500_000, 300_000, 120_000_000]);
		expect(s.steps[4]).toMatchObject({kind: 'net', rule: {action: 'drop', flags: ['SYN', 'ACK'], count: 1}});
		expect(s.steps[5]).toMatchObject({id: 'bye', line: 7, text: 'client: close'});
	});

	it('fills in the defaults: linux, no latency, Linux sysctls', () => {
		const s = scenarioFromYaml(steps());
		expect(s).toMatchObject({profile: 'linux', latencyUs: 0, sysctls: {synRetries: 6, synLinearTimeouts: 4, synackRetries: 5, finTimeoutUs: 60e6, syncookies: 1, backlog: 128, maxSynBacklog: 2048, mss: 1460}});
	});
});
