// Helpers for scenario-level tests: run YAML through scenarioFromYaml + run, and read the trace
// as short lines that a test can compare exactly.
import {scenarioFromYaml} from '../../src/sim/load.js';
import {type Trace, run} from '../../src/sim/run.js';
import type {Side} from '../../src/sim/segment.js';
import type {SegmentEvent, TraceEvent} from '../../src/sim/trace.js';

export function play(yaml: string, seed = 1): Trace {
	return run(scenarioFromYaml(yaml, 'test.yaml'), seed);
}

const ARROW: Record<Side, string> = {client: 'C→S', server: 'S→C'};

/** "0.2s S→C ACK,FIN seq=5001 ack=1002" (+ " len=N" for data, + " dropped"/" duplicated" unless delivered). */
export function line(e: SegmentEvent): string {
	const ack = e.ack === null ? '' : ` ack=${e.ack}`;
	const len = e.len > 0 ? ` len=${e.len}` : '';
	const fate = e.fate === 'delivered' ? '' : ` ${e.fate}`;
	return `${e.t}s ${ARROW[e.from]} ${e.flags.join(',')} seq=${e.seq}${ack}${len}${fate}`;
}

export function wire(events: readonly TraceEvent[]): string[] {
	return events.flatMap(e => (e.type === 'segment' ? [line(e)] : []));
}

/** "60.2s client TIME-WAIT→CLOSED (timer time-wait)" */
export function states(events: readonly TraceEvent[], side?: Side): string[] {
	return events.flatMap(e => (e.type === 'state' && (side === undefined || e.endpoint === side)
		? [`${e.t}s ${e.endpoint} ${e.from}→${e.to} (${e.cause})`] : []));
}

/** "1s client set retransmit 2s" */
export function timers(events: readonly TraceEvent[], side: Side, timer?: string): string[] {
	return events.flatMap(e => (e.type === 'timer' && e.endpoint === side && (timer === undefined || e.timer === timer)
		? [`${e.t}s ${e.action} ${e.timer}${e.duration === undefined ? '' : ` ${e.duration}s`}`] : []));
}

/** The results of one side's calls: "read → ECONNREFUSED". */
export function calls(events: readonly TraceEvent[], side: Side): string[] {
	return events.flatMap(e => (e.type === 'call' && e.endpoint === side ? [`${e.call} → ${e.result}`] : []));
}

/** The events of the steps from index `first` on. */
export function from(trace: Trace, first: number): readonly TraceEvent[] {
	return trace.events.slice(trace.steps[first]!.from);
}

/** A scenario with fixed ISNs (client 1000, server 5000, unless the header says otherwise): one step a string, e.g. "client: send 100". */
export function scenario(steps: readonly string[], header: readonly string[] = []): string {
	const given = (key: string) => header.some(h => h.startsWith(`${key}:`));
	const head = [...(given('client') ? [] : ['client: { isn: 1000 }']), ...(given('server') ? [] : ['server: { isn: 5000 }']), ...header];
	return [...head, 'steps:', ...steps.map(s => `  - ${s}`)].join('\n');
}

/** Run a scenario built by `scenario`. */
export function playSteps(steps: readonly string[], header: readonly string[] = [], seed = 1): Trace {
	return play(scenario(steps, header), seed);
}
