// step(world, event) → world': pure, and the same as running the scenario.
import {describe, expect, it} from 'vitest';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run, startWorld, step} from '../../src/sim/run.js';

const scenario = scenarioFromYaml(`
client: { isn: 1000 }
server: { isn: 5000 }
steps:
  - server: listen
  - client: connect
  - client: send 100
  - client: close
  - wait: 300ms
  - server: close
`);

describe('step', () => {
	it('leaves the world it was given unchanged and returns the next one', () => {
		const w0 = startWorld(scenario, 1);
		const before = JSON.stringify(w0);
		const {world, events} = step(w0, scenario.steps[0]!);
		expect(JSON.stringify(w0)).toBe(before);
		expect(world.eps.server.state).toBe('LISTEN');
		expect(events).toEqual([
			{type: 'call', t: 0, endpoint: 'server', conn: 0, call: 'listen', result: 'ok'},
			{type: 'state', t: 0, endpoint: 'server', conn: 0, from: 'CLOSED', to: 'LISTEN', cause: 'listen'},
		]);
	});

	it('stepping through every step gives the events run() gives', () => {
		let w = startWorld(scenario, 1);
		const all = [];
		for (const s of scenario.steps) {
			const r = step(w, s);
			all.push(...r.events);
			w = r.world;
		}
		expect(JSON.parse(JSON.stringify(all))).toEqual(JSON.parse(JSON.stringify(run(scenario, 1).events)));
	});
});
