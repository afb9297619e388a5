// Calls that fail because the scenario itself is wrong, not because TCP refuses them: connect() on a
// socket still connected (EISCONN), listen() or connect() on one that is not closed (EINVAL). A lesson
// that does this teaches something other than what its author meant (a "new" connection that is the
// old one), so `tcp-tutor check` reports it with the step's line.
import type {Trace} from '../sim/run.js';
import {InputError} from '../yaml-source.js';

const MISTAKES: Readonly<Record<string, string>> = {
	EISCONN: 'the socket is still connected: the previous connection has not ended yet (wait for it, or add steps that end it)',
	EINVAL: 'the socket is not closed (still listening, or in TIME-WAIT): the call has no effect',
};

export function scenarioMistakes(trace: Trace, file: string, seed: number): InputError[] {
	const out: InputError[] = [];
	for (const step of trace.steps) {
		for (const e of trace.events.slice(step.from, step.to)) {
			if (e.type !== 'call' || MISTAKES[e.result] === undefined) continue;
			out.push(new InputError(file, step.step.line, `scenario step ${step.step.index + 1} "${step.step.text}" (seed ${seed})`,
				`${e.endpoint} ${e.call}() returns ${e.result}: ${MISTAKES[e.result]}`));
		}
	}
	return out;
}
