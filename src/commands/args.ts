// Command-line arguments: node's own parseArgs (no dependency). The help text and every message are
// in the learner's language (the i18n catalogue's cli.* keys).
import {parseArgs} from 'node:util';
import {type Lang, readLang} from '../i18n/lang.js';
import {ENGLISH, type MessageKey, type Texts} from '../i18n/texts.js';

export type Args = {
	readonly command: 'menu' | 'start' | 'list' | 'trace' | 'explain' | 'lab' | 'check' | 'progress' | 'reset' | 'translations' | 'review' | 'drill' | 'help' | 'version';
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
	/** --lang, when given. */
	readonly lang?: Lang;
};

/** A mistake on the command line: exit code 2 with this message. */
export class UsageError extends Error {}

const COMMANDS = ['start', 'list', 'trace', 'explain', 'lab', 'check', 'progress', 'reset', 'translations', 'review', 'drill'] as const;

const MAX_SEED = 2 ** 32 - 1;
const MAX_SEEDS = 100_000;
const MAX_MINUTES = 180;

/** What each option that takes a value expects, and what that is (catalogue keys), as a usage error says it. */
const VALUES: Record<string, readonly [expects: MessageKey, detail?: MessageKey, max?: number]> = {
	seed: ['cli.value.seed', 'cli.detail.seed', MAX_SEED],
	seeds: ['cli.value.seeds', 'cli.detail.seeds', MAX_SEEDS],
	minutes: ['cli.value.minutes', 'cli.detail.minutes', MAX_MINUTES],
	profile: ['cli.value.profile'],
	lessons: ['cli.value.lessons'],
	export: ['cli.value.export'],
	import: ['cli.value.import'],
	lang: ['cli.value.lang'],
};

/** One paragraph: what the option expects, what it got, what the value is. */
function expects(name: string, got: string, {t}: Texts): UsageError {
	const [what, detail, max] = VALUES[name]!;
	return new UsageError(t('cli.expects', {name, what: t(what), got, detail: detail ? t(detail, {max: max ?? 0}) : ''}));
}

/** The value of --lang in these arguments (before they are parsed: the messages of parsing are in that language). */
export function langArgument(argv: readonly string[]): Lang | undefined {
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--') break;
		if (a === '--lang') return readLang(argv[i + 1]);
		if (a.startsWith('--lang=')) return readLang(a.slice('--lang='.length));
	}
	return undefined;
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
function usageOf(error: Error & {code?: string}, texts: Texts): UsageError {
	const name = /Option '--([\w-]+)/.exec(error.message)?.[1];
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name && VALUES[name]) {
		return expects(name, texts.t(/ambiguous/.test(error.message) ? 'cli.got.dash' : 'cli.got.nothing', {name}), texts);
	}
	return new UsageError(texts.t('cli.seeHelp', {message: `${error.message.replace(/\. To specify.*$/s, '')}.`})); // node's own words, in English
}

export function parse(argv: readonly string[], env: NodeJS.ProcessEnv, texts: Texts = ENGLISH): Args {
	let parsed;
	try {
		parsed = parseArgs({
			args: joinNegativeNumbers(argv), allowPositionals: true, strict: true,
			options: {
				plain: {type: 'boolean'}, 'no-color': {type: 'boolean'}, color: {type: 'boolean'}, json: {type: 'boolean'},
				relative: {type: 'boolean'}, absolute: {type: 'boolean'}, restart: {type: 'boolean'}, yes: {type: 'boolean', short: 'y'},
				seed: {type: 'string'}, seeds: {type: 'string'}, minutes: {type: 'string'}, profile: {type: 'string'}, lessons: {type: 'string', multiple: true},
				export: {type: 'string'}, import: {type: 'string'}, help: {type: 'boolean', short: 'h'}, version: {type: 'boolean', short: 'v'},
				lang: {type: 'string'},
			},
		});
	} catch (error) {
		throw usageOf(error as Error, texts);
	}
	const v = parsed.values;
	const [first, ...rest] = parsed.positionals;
	if (first !== undefined && !COMMANDS.includes(first as never)) throw new UsageError(texts.t('cli.unknownCommand', {command: first, commands: COMMANDS.join(', ')}));
	const command: Args['command'] = v.help ? 'help' : v.version ? 'version' : (first as Args['command'] | undefined) ?? 'menu';
	const number = (name: string, text: string, min: number, max: number) => {
		if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw expects(name, JSON.stringify(text), texts);
		return Number(text);
	};
	if (v.profile !== undefined && v.profile !== 'linux' && v.profile !== 'textbook') throw expects('profile', JSON.stringify(v.profile), texts);
	const lang = v.lang === undefined ? undefined : readLang(v.lang);
	if (v.lang !== undefined && !lang) throw expects('lang', JSON.stringify(v.lang), texts);
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
		...(lang ? {lang} : {}),
	};
}
