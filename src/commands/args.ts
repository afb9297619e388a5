// Command-line arguments: node's own parseArgs (no dependency), and the help text.
import {parseArgs} from 'node:util';

export const HELP = `tcp-tutor — learn how TCP connections open and close, one segment at a time

Usage
  tcp-tutor                    open the lesson menu
  tcp-tutor start LESSON       open one lesson (by id, e.g. handshake-letters)
  tcp-tutor list               list the lessons and your progress
  tcp-tutor trace FILE         run a scenario file and print its trace
  tcp-tutor check [DIR...]     check lesson files against the simulator (default: the shipped ones)
  tcp-tutor progress           show your progress
  tcp-tutor reset [LESSON]     forget your progress (asks first)

Options
  --plain           line-based mode (automatic when stdin or stdout is not a terminal)
  --seed N          fix the random ISNs; with start, begin a new attempt with this seed
  --restart         start the lesson over instead of resuming it
  --lessons DIR     also load the lessons in DIR (may be repeated)
  --no-color        no colours (also: NO_COLOR=1)
  --json            machine-readable output (list, trace, progress)
  --relative        trace: seq/ack relative to each side's ISN, as Wireshark shows them
  --profile NAME    trace: run the scenario with this profile (linux or textbook)
  --seeds N         check: seeds to try per lesson (default 200)
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
	readonly command: 'menu' | 'start' | 'list' | 'trace' | 'check' | 'progress' | 'reset' | 'help' | 'version';
	readonly positionals: readonly string[];
	readonly plain: boolean;
	readonly color: boolean;
	readonly json: boolean;
	readonly relative: boolean;
	readonly restart: boolean;
	readonly yes: boolean;
	readonly seed?: number;
	readonly seeds?: number;
	readonly profile?: 'linux' | 'textbook';
	readonly lessons: readonly string[];
	readonly exportFile?: string;
	readonly importFile?: string;
};

/** A mistake on the command line: exit code 2 with this message. */
export class UsageError extends Error {}

const COMMANDS = ['start', 'list', 'trace', 'check', 'progress', 'reset'] as const;

export function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Args {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv], allowPositionals: true, strict: true,
			options: {
				plain: {type: 'boolean'}, 'no-color': {type: 'boolean'}, color: {type: 'boolean'}, json: {type: 'boolean'},
				relative: {type: 'boolean'}, restart: {type: 'boolean'}, yes: {type: 'boolean', short: 'y'},
				seed: {type: 'string'}, seeds: {type: 'string'}, profile: {type: 'string'}, lessons: {type: 'string', multiple: true},
				export: {type: 'string'}, import: {type: 'string'}, help: {type: 'boolean', short: 'h'}, version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. See tcp-tutor --help.`);
	}
	const v = parsed.values;
	const [first, ...rest] = parsed.positionals;
	if (first !== undefined && !COMMANDS.includes(first as never)) throw new UsageError(`unknown command "${first}". Commands: ${COMMANDS.join(', ')}. See tcp-tutor --help.`);
	const command: Args['command'] = v.help ? 'help' : v.version ? 'version' : (first as Args['command'] | undefined) ?? 'menu';
	const number = (name: string, text: string | undefined, max: number) => {
		if (text === undefined) return undefined;
		if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${name} expects a whole number from 0 to ${max}, got "${text}"`);
		return Number(text);
	};
	if (v.profile !== undefined && v.profile !== 'linux' && v.profile !== 'textbook') throw new UsageError(`--profile expects linux or textbook, got "${v.profile}"`);
	const noColor = v['no-color'] === true || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || env['TERM'] === 'dumb';
	return {
		command, positionals: rest, plain: v.plain === true, color: v.color === true || !noColor, json: v.json === true,
		relative: v.relative === true, restart: v.restart === true, yes: v.yes === true,
		...(v.seed === undefined ? {} : {seed: number('seed', v.seed, 2 ** 32 - 1)}),
		...(v.seeds === undefined ? {} : {seeds: number('seeds', v.seeds, 100_000)}),
		...(v.profile === undefined ? {} : {profile: v.profile}),
		lessons: v.lessons ?? [],
		...(v.export === undefined ? {} : {exportFile: v.export}),
		...(v.import === undefined ? {} : {importFile: v.import}),
	};
}
