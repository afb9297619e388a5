// Limits no lesson needs, checked when the scenario is read, each naming the file and line
// (issue 10, item 3): before them `send 100000000` ran for minutes, `mss: 1` with a large send
// exhausted the heap, and 100,000 steps ran past two minutes.
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {SCENARIO_LIMITS} from '../../src/sim/scenario.js';
import {inputErrorOf} from '../helpers/thrown.js';

const steps = (...lines: string[]) => ['steps:', '  - server: listen', '  - client: connect', ...lines.map(l => `  - ${l}`)].join('\n');

const thrown = (yaml: string) => inputErrorOf(() => scenarioFromYaml(yaml, 'big.yaml'));

describe('limits a lesson never needs', () => {
	it.each([
		['bytes in one send', steps('client: send 100000000'), 4, /step 3 \(client\): "send 100000000" is more than 1000000 bytes, the most one send may carry/],
		['bytes in one send, in "together"', steps('together: [ { client: send 1000001 } ]'), 4, /step 3 \(together\) item 1: "send 1000001" is more than 1000000 bytes/],
		['segments of one byte', `network: { mss: 1 }\n${steps('client: send 10001')}`, 5, /step 3 \(client\): the sends up to here make more than 10000 segments of data \(mss 1\), the most a scenario may have/],
		// 1000000 bytes are 685 segments of 1460: the 15th such send passes 10000 segments; it is step 17, on line 18.
		['segments in a scenario', steps(...Array.from({length: 20}, () => 'client: send 1000000')), 18, /step 17 \(client\): the sends up to here make more than 10000 segments of data \(mss 1460\)/],
		['calls at one instant', steps(`together: [ ${Array.from({length: 10_001}, () => '{ client: send 1 }').join(', ')} ]`), 4, /step 3 \(together\) item 10001: more than 10000 calls at one instant/],
		['steps in a scenario', steps(...Array.from({length: 10_000}, () => 'client: send 1')), 10_002, /step 10001: more than 10000 steps; a scenario may have at most 10000/],
		['simulated time', steps('wait: 86400s', 'wait: 1s'), 5, /step 4 \(wait\): the waits up to here add up to more than 86400 s \(a day\), the most a scenario may simulate/],
		['a duration that is not a number', `network: { latency: .nan }\n${steps()}`, 1, /network\.latency: expected a duration such as 300ms, 60s or 2m, got \.nan/],
		['an ISN that is not a number', `client: { isn: .nan }\n${steps()}`, 1, /client\.isn: expected a whole number from 0 to 4294967295, got \.nan/],
		['an ISN that is infinite', `client: { isn: .inf }\n${steps()}`, 1, /got \.inf/],
		['a backlog beyond somaxconn', `server: { backlog: 65535 }\n${steps()}`, 1, /server\.backlog: expected a whole number from 1 to 4096, got 65535/],
		['keepalive at every instant', steps('client: keepalive 0s 0s 3'), 4, /step 3 \(client\): keepalive times are at least 1s \(as Linux's TCP_KEEPIDLE and TCP_KEEPINTVL\), got "keepalive 0s 0s 3"/],
		['an unknown key in flood', steps('flood: { syns: 10, spoofed: true }'), 4, /step 3 \(flood\) spoofed: unknown; expected syns/],
	])('%s', (_name, yaml, line, message) => {
		const e = thrown(yaml);
		expect(e.line).toBe(line);
		expect(e.message).toMatch(message);
		expect(e.message.startsWith(`big.yaml:${line}: `)).toBe(true);
	});

	it('a scenario right at every limit loads', () => {
		const most = SCENARIO_LIMITS.segments / Math.ceil(SCENARIO_LIMITS.sendBytes / 1460);
		const s = scenarioFromYaml(steps(...Array.from({length: Math.floor(most)}, () => `client: send ${SCENARIO_LIMITS.sendBytes}`), 'wait: 86400s'));
		expect(s.steps).toHaveLength(Math.floor(most) + 3);
	});
});
