// Command-line arguments: node's own parseArgs (no dependency), and the help text.
import {parseArgs} from 'node:util';

export const HELP = `tcp-tutor — learn how TCP connections open and close, one segment at a time

Usage
  tcp-tutor                    open the lesson menu
  tcp-tutor start LESSON       open one lesson (by id, e.g. handshake-letters)
  tcp-tutor list               list the lessons and your progress
  tcp-tutor trace FILE         run a scenario file and print its trace
  tcp-tutor explain FILE       explain a pcap or pcapng capture: connections, states, what each segment is
  tcp-tutor check [DIR...]     check lesson files against the simulator (default: the shipped ones)
  tcp-tutor review             review the questions due (those you missed come back sooner)
  tcp-tutor drill              an interview drill: mixed questions, a report by topic
  tcp-tutor progress           your progress: mastery by topic, due cards, missed most, streak
  tcp-tutor reset [LESSON]     forget your progress (asks first)

Options
  --plain           line-based mode (automatic when stdin or stdout is not a terminal)
  --seed N          fix the random ISNs; with start, begin a new attempt with this seed
  --restart         start the lesson over instead of resuming it
  --lessons DIR     also load the lessons in DIR (may be repeated)
  --no-color        no colours (also: NO_COLOR=1)
  --json            machine-readable output (list, trace, explain, progress)
  --relative        trace: seq/ack relative to each side's ISN, as Wireshark shows them
  --absolute        explain: seq/ack as captured (default: relative to each side's ISN)
  --profile NAME    trace: run the scenario with this profile (linux or textbook)
  --seeds N         check: seeds to try per lesson (default 200)
  --minutes N       drill: ask until N minutes are up (default: 8 questions)
  --export FILE     progress: write your progress to FILE
  --import FILE     progress: merge progress from FILE (nothing is lost)
  --yes             reset: do not ask
  -h, --help        show this help
  -v, --version     show the version

Environment
  TCP_TUTOR_CONFIG_DIR   where progress is kept (default: ~/.config/tcp-tutor)
  NO_COLOR               no colours
  DEBUG                  show stack traces of internal errors

Exit codes: 0 done, 1 error, 2 bad usage or malformed input.`;

export type Args = {
	readonly command: 'menu' | 'start' | 'list' | 'trace' | 'explain' | 'check' | 'progress' | 'reset' | 'review' | 'drill' | 'help' | 'version';
	readonly positionals: readonly string[];
	readonly plain: boolean;
	readonly color: boolean;
	readonly json: boolean;
	readonly relative: boolean;
	readonly absolute: boolean;
	readonly restart: boolean;
	readonly yes: boolean;
	readonly seed?: number;
	readonly seeds?: number;
	readonly minutes?: number;
	readonly profile?: 'linux' | 'textbook';
	readonly lessons: readonly string[];
	readonly exportFile?: string;
	readonly importFile?: string;
};

/** A mistake on the command line: exit code 2 with this message. */
export class UsageError extends Error {}

const COMMANDS = ['start', 'list', 'trace', 'explain', 'check', 'progress', 'reset', 'review', 'drill'] as const;

const MAX_SEED = 2 ** 32 - 1;
const MAX_SEEDS = 100_000;
const MAX_MINUTES = 180;

/** What each option that takes a value expects, and what that is, as a usage error says it. */
const VALUES: Record<string, readonly [expects: string, detail?: string]> = {
	seed: ['a seed', `A seed is a whole number from 0 to ${MAX_SEED} (2^32−1); the same seed gives the same ISNs, so a run can be repeated.`],
	seeds: ['the number of seeds to try per lesson', `It is a whole number from 1 to ${MAX_SEEDS}.`],
	minutes: ['the minutes a drill lasts', `It is a whole number from 1 to ${MAX_MINUTES}.`],
	profile: ['linux or textbook'],
	lessons: ['a folder of lesson files'],
	export: ['the file to write'],
	import: ['the file to read'],
};

/** One paragraph: what the option expects, what it got, what the value is. */
function expects(name: string, got: string): UsageError {
	const [what, detail] = VALUES[name]!;
	return new UsageError(`--${name} expects ${what}, got ${got}.${detail ? ` ${detail}` : ''} See tcp-tutor --help.`);
}

/** node's parseArgs takes "--seed -1" for a forgotten value: keep a negative number with its option, for a clear error. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const name = /^--([\w-]+)$/.exec(argv[i]!)?.[1];
		if (name && VALUES[name] && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
		else out.push(argv[i]!);
	}
	return out;
}

/** parseArgs' own message, in one paragraph that says what the option expects. */
function usageOf(error: Error & {code?: string}): UsageError {
	const name = /Option '--([\w-]+)/.exec(error.message)?.[1];
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name && VALUES[name]) {
		return expects(name, /ambiguous/.test(error.message) ? `nothing (a value that starts with a dash is written --${name}=VALUE)` : 'nothing');
	}
	return new UsageError(`${error.message.replace(/\. To specify.*$/s, '')}. See tcp-tutor --help.`);
}

export function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Args {
	let parsed;
	try {
		parsed = parseArgs({
			args: joinNegativeNumbers(argv), allowPositionals: true, strict: true,
			options: {
				plain: {type: 'boolean'}, 'no-color': {type: 'boolean'}, color: {type: 'boolean'}, json: {type: 'boolean'},
				relative: {type: 'boolean'}, absolute: {type: 'boolean'}, restart: {type: 'boolean'}, yes: {type: 'boolean', short: 'y'},
				seed: {type: 'string'}, seeds: {type: 'string'}, minutes: {type: 'string'}, profile: {type: 'string'}, lessons: {type: 'string', multiple: true},
				export: {type: 'string'}, import: {type: 'string'}, help: {type: 'boolean', short: 'h'}, version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		throw usageOf(error as Error);
	}
	const v = parsed.values;
	const [first, ...rest] = parsed.positionals;
	if (first !== undefined && !COMMANDS.includes(first as never)) throw new UsageError(`unknown command "${first}". Commands: ${COMMANDS.join(', ')}. See tcp-tutor --help.`);
	const command: Args['command'] = v.help ? 'help' : v.version ? 'version' : (first as Args['command'] | undefined) ?? 'menu';
	const number = (name: string, text: string, min: number, max: number) => {
		if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw expects(name, JSON.stringify(text));
		return Number(text);
	};
	if (v.profile !== undefined && v.profile !== 'linux' && v.profile !== 'textbook') throw expects('profile', JSON.stringify(v.profile));
	const noColor = v['no-color'] === true || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || env['TERM'] === 'dumb';
	return {
		command, positionals: rest, plain: v.plain === true, color: v.color === true || !noColor, json: v.json === true,
		relative: v.relative === true, absolute: v.absolute === true, restart: v.restart === true, yes: v.yes === true,
		...(v.seed === undefined ? {} : {seed: number('seed', v.seed, 0, MAX_SEED)}),
		// Zero seeds would check nothing and report success.
		...(v.seeds === undefined ? {} : {seeds: number('seeds', v.seeds, 1, MAX_SEEDS)}),
		...(v.minutes === undefined ? {} : {minutes: number('minutes', v.minutes, 1, MAX_MINUTES)}),
		...(v.profile === undefined ? {} : {profile: v.profile}),
		lessons: v.lessons ?? [],
		...(v.export === undefined ? {} : {exportFile: v.export}),
		...(v.import === undefined ? {} : {importFile: v.import}),
	};
}
