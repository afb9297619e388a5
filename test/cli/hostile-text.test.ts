// Escape sequences, control characters and bidi or zero-width marks fed through every message the
// CLI prints: they come from lesson and scenario files, progress files, arguments, typed answers
// and the environment, and must reach the terminal as text (issue 10, item 1).
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {STACK, UNSAFE, cli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp-store.js';

/** OSC 52 (write the clipboard), clear screen, a C1 CSI, a bidi override, a zero-width space, a carriage return. */
const EVIL = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e\u200b\r';
/** The same, written as a YAML double-quoted string. */
const EVIL_YAML = '\\e]52;c;cHduZWQ=\\a\\e[2J\\x9b31m\\u202e\\u200b\\r';
const lesson = readFileSync(new URL('../../lessons/01-handshake-letters.yaml', import.meta.url), 'utf8');

function folder(files: Record<string, string>): string {
	const dir = join(tempDir(), 'lessons');
	mkdirSync(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

function scenario(text: string): string {
	const file = join(tempDir(), 's.yaml');
	writeFileSync(file, text);
	return file;
}

function store(data: unknown): string {
	const dir = tempDir();
	writeFileSync(join(dir, 'progress.json'), JSON.stringify(data));
	return dir;
}

const done = {completed: true, bestScore: 100, attempts: 1};

type Case = {args: string[]; dir?: string; input?: string; env?: Record<string, string>; shows: RegExp};

const CASES: Record<string, () => Case> = {
	'check: an unknown key in a lesson': () => ({args: ['check', folder({'a.yaml': lesson.replace('minutes: 5', `minutes: 5\n"K${EVIL_YAML}": 1`)}), '--seeds', '1'], shows: /a\.yaml:\d+: K: unknown field/}),
	'list --lessons: an unknown key in a lesson': () => ({args: ['list', '--lessons', folder({'a.yaml': lesson.replace('minutes: 5', `minutes: 5\n"K${EVIL_YAML}": 1`)})], shows: /Skipped a lesson: .*a\.yaml:\d+: K: unknown field/}),
	'check: a lesson file whose name holds escapes': () => ({args: ['check', folder({[`b${EVIL.replace('\r', '')}.yaml`]: 'formatVersion: 1\n'}), '--seeds', '1'], shows: /b\.yaml:1: id: expected non-empty text/}),
	'check: the step ids listed in "expected a step id"': () => ({args: ['check', folder({'a.yaml': lesson.replace('id: listen', `id: "s${EVIL_YAML}"`).replace('step: listen', 'step: nope')})], shows: /expected a step id \(s, connect\)/}),
	'trace: an unknown step name': () => ({args: ['trace', scenario(`steps:\n  - "x${EVIL_YAML}": 1\n`)], shows: /unknown step "x"/}),
	'trace: the quoted text of a YAML syntax error': () => ({args: ['trace', scenario(`steps:\n  - client: "x\\${EVIL}"\n`)], shows: /YAML syntax: Invalid escape sequence/}),
	'trace: an alias the YAML error quotes': () => ({args: ['trace', scenario('steps: *x\u001bq\n')], shows: /Unresolved alias/}),
	'trace: a call the error quotes': () => ({args: ['trace', scenario(`steps:\n  - client: "connect ${EVIL_YAML}"\n`)], shows: /"connect" takes no argument, got "connect "/}),
	'trace: a file name that does not exist': () => ({args: ['trace', join(tempDir(), `nope${EVIL}.yaml`)], shows: /nope\.yaml: file: cannot be read/}),
	'start: a lesson id given as an argument': () => ({args: ['start', `x${EVIL}`, '--plain'], shows: /no lesson "x"/}),
	'an unknown command': () => ({args: [`frob${EVIL}`], shows: /unknown command "frob"/}),
	'an option value': () => ({args: ['trace', 'f', '--profile', `bsd${EVIL}`], shows: /--profile expects linux or textbook, got "bsd/}),
	'progress: a lesson id and an accuracy field in progress.json': () => ({args: ['progress'], dir: store({lessons: {[`L${EVIL}`]: done}, fields: {[`f${EVIL}`]: {asked: 2, firstTry: 1}}}), shows: /Also kept, from lessons not loaded now: L\b[\s\S]*Accuracy at the first try: f 50%/}),
	'progress: a lesson id that cannot be read': () => ({args: ['progress'], dir: store({lessons: {[`L${EVIL}`]: 'oops'}}), shows: /left out: lesson "L" \(not an object\)/}),
	'progress --import: ids in the imported file': () => {
		const file = join(tempDir(), 'in.json');
		writeFileSync(file, JSON.stringify({lessons: {[`L${EVIL}`]: 'oops', [`M${EVIL}`]: {...done, bestScore: 900}}}));
		return {args: ['progress', '--import', file], shows: /Imported 1 lesson\(s\) .*left out: lesson "L" \(not an object\), best score of "M"/};
	},
	'list: a __proto__ entry in the store': () => ({args: ['list'], dir: store({lessons: JSON.parse(`{"__proto__": {"handshake-letters": {"completed": false, "bestScore": null, "attempts": 1, "resume": {}, "answered": ${JSON.stringify(EVIL)}}}}`)}), shows: /handshake-letters .* not started/}),
	'progress: the config folder named by the environment': () => {
		const dir = join(tempDir(), `cfg${EVIL.replace('\r', '')}`);
		mkdirSync(dir);
		return {args: ['progress'], dir, env: {TCP_TUTOR_CONFIG_DIR: dir}, shows: /Stored in .*cfg/};
	},
	'plain mode: a typed answer it cannot read': () => ({args: ['start', 'handshake-letters', '--seed', '7'], input: `zz${EVIL}\n`, shows: /Could not read "zz"/}),
};

describe('nothing from a file, an argument or the environment reaches the terminal raw', () => {
	it.each(Object.keys(CASES))('%s', name => {
		const c = CASES[name]!();
		const r = cli(c.args, {...(c.dir ? {dir: c.dir} : {}), ...(c.input ? {input: c.input} : {}), ...(c.env ? {env: c.env} : {})});
		const output = r.out + r.err;
		expect(output).toMatch(c.shows);
		expect(output).not.toMatch(UNSAFE);
		expect(output).not.toMatch(STACK);
		expect([0, 1, 2]).toContain(r.code);
	});
});
