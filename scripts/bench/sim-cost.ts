// The simulator's cost as a scenario grows (issue 10: linear in segments and steps). For each shape,
// the scenario at n steps and at 2n: segments on the wire, milliseconds (best of 3), segments per
// second, and how much longer the doubled one took (2.0 is linear, 4.0 quadratic). The scenarios go
// past the load-time limits on purpose (they are built here, not read from a file): this measures
// the simulator, the limits keep every real scenario far below. Bundled and run by bench.mjs.
import {run} from '../../src/sim/run.js';
import {type Scenario, type Step, parseScenario} from '../../src/sim/scenario.js';

const ctx = {file: 'bench', lineAt: () => undefined};

/** listen, connect, then the template's steps again and again until there are `n` after the two. */
function scenarioOf(template: readonly unknown[], n: number): Scenario {
	const parsed = parseScenario({client: {isn: 1}, server: {isn: 2}, steps: [{server: 'listen'}, {client: 'connect'}, ...template]}, ctx);
	const steps: Step[] = parsed.steps.slice(0, 2);
	for (let i = 0; steps.length < n + 2; i++) steps.push({...parsed.steps[2 + (i % template.length)]!, index: steps.length});
	return {...parsed, steps};
}

const SHAPES: Record<string, readonly unknown[]> = {
	'"send 1", one way': [{client: 'send 1'}],
	'"send 1", taking turns': [{client: 'send 1'}, {server: 'send 1'}],
	'"send 14600" (10 segments) and "read"': [{client: 'send 14600'}, {server: 'read'}],
};

function measure(scenario: Scenario): {segments: number; ms: number} {
	let best = Infinity;
	let segments = 0;
	for (let i = 0; i < 3; i++) {
		const start = process.hrtime.bigint();
		const trace = run(scenario, 1);
		best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
		segments = trace.events.filter(e => e.type === 'segment').length;
	}
	return {segments, ms: best};
}

const n = Number(process.argv[2] ?? 25_000);
const rows = Object.entries(SHAPES).map(([shape, template]) => {
	const one = measure(scenarioOf(template, n));
	const two = measure(scenarioOf(template, 2 * n));
	return {shape, steps: 2 * n, segments: two.segments, ms: two.ms, segmentsPerSecond: Math.round(two.segments / (two.ms / 1000)), growth: two.ms / one.ms};
});
console.log(JSON.stringify(rows));
