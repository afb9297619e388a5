// tcp-tutor trace FILE: run a scenario and print its trace (JSON lines, or a ladder diagram).
import {scenarioFromYaml} from '../sim/load.js';
import {type Trace, run} from '../sim/run.js';
import {readLessonText} from '../lessons/load.js';
import {eventToJson} from '../sim/trace.js';
import {InputError} from '../yaml-source.js';
import {ladderLines} from '../ui/ladder.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import type {Io} from './io.js';

export function traceCommand(args: Args, io: Io, randomSeed: () => number): number {
	const file = args.positionals[0];
	if (!file || args.positionals.length > 1) throw new UsageError('trace needs one scenario file: tcp-tutor trace FILE [--json] [--relative] [--seed N]');
	const parsed = scenarioFromYaml(readLessonText(file, 'scenario'), file);
	const scenario = args.profile ? {...parsed, profile: args.profile} : parsed;
	let trace: Trace;
	try {
		trace = run(scenario, args.seed ?? randomSeed());
	} catch (error) {
		// Within the limits a scenario still may keep the simulator busy past its bound on events in one step.
		throw new InputError(file, undefined, 'scenario', `does not run: ${(error as Error).message}`);
	}
	if (args.json) {
		for (const e of trace.events) io.out(eventToJson(e, args.relative));
		return 0;
	}
	io.out(`${file}: profile ${trace.profile}, seed ${trace.seed}, ISNs client ${trace.isn.client} server ${trace.isn.server}${args.relative ? ' (numbers relative to each connection\'s ISNs)' : ''}`);
	for (const line of ladderLines(trace.events, {width: io.columns, relative: args.relative, color: false, time: true})) io.out(line);
	return 0;
}
