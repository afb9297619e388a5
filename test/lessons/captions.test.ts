// A step the lesson tells nothing about is shown in words (the player's caption, plain mode's "Step N:" line).
import {describe, expect, it} from 'vitest';
import {describeStep} from '../../src/lessons/captions.js';
import {scenarioFromYaml} from '../../src/sim/load.js';

const step = (yaml: string) => scenarioFromYaml(`steps:\n  - ${yaml}\n`, 'caption.yaml').steps[0]!;

describe('describeStep', () => {
	it.each([
		['server: listen', 'The server calls listen().'],
		['client: send 100', 'The client sends 100 bytes (send()).'],
		['client: send 100 more', 'The client sends 100 bytes (send() with MSG_MORE: more is coming).'],
		['client: shutdown', 'The client calls shutdown(SHUT_WR): it stops sending, and still reads.'],
		['server: poweroff', 'The server\'s host powers off: from now on nothing reaches it and nothing comes from it.'],
		['client: keepalive 2s 1s 3', 'The client turns on SO_KEEPALIVE (idle 2 s, then every 1 s, 3 probes).'],
		['together: [ {client: close}, {server: close} ]', 'At the same instant: the client calls close() and the server calls close().'],
		['wait: 300ms', 'Time passes: 300 ms.'],
		['wait: 61s', 'Time passes: 61 s.'],
		['drop: { from: server, flags: [FIN] }', 'The network will lose the next FIN segment from the server.'],
		['drop: { from: client, flags: [SYN], count: 3 }', 'The network will lose the next 3 SYN segments from the client.'],
		['drop: { from: client, count: all }', 'The network will lose every segment from the client.'],
		['delay: { from: server, by: 2s }', 'The network will hold the next segment from the server back by 2 s.'],
		['flood: 100', '100 SYNs with forged source addresses hit the server.'],
	])('%s → %s', (yaml, words) => {
		expect(describeStep(step(yaml))).toBe(words);
	});
});
