// tcp-tutor trace FILE: run a scenario and print its trace (JSON lines, or a ladder diagram).
import {scenarioFromYaml} from '../sim/load.js';
import {type Trace, run} from '../sim/run.js';
import {readLessonText} from '../lessons/load.js';
import {eventToJson} from '../sim/trace.js';
import {InputError} from '../yaml-source.js';
import {ladderLines} from '../ui/ladder.js';
import {ladderWords} from '../ui/ladder-words.js';
import type {Args} from './args.js';
import {UsageError} from './args.js';
import type {Io} from './io.js';
import {connectionNames} from '../sim/connection-names.js';

export function traceCommand(args: Args, io: Io, randomSeed: () => number): number {
	const file = args.positionals[0];
	const {t} = io.texts;
	if (!file || args.positionals.length > 1) throw new UsageError(t('cli.traceNeedsOne'));
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
	io.out(t('cli.traceHead', {file, profile: trace.profile, seed: trace.seed, client: trace.isn.client, server: trace.isn.server}) + (args.relative ? t('cli.traceRelative') : ''));
	for (const line of ladderLines(trace.events, {width: io.columns, relative: args.relative, color: false, time: true, words: ladderWords(io.texts), names: connectionNames(trace)})) io.out(line);
	return 0;
}
