// The lesson format (lessons/README.md): validate plain data from YAML into a Lesson, naming
// the file, line and field of anything wrong. A lesson says what to ask, never the answer.
import {type Scenario, parseScenario} from '../sim/scenario.js';
import {STATES, type TimerKind} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import {InputError, type Path, type Sourced, isRecord, showValue} from '../yaml-source.js';
import {parseFlags} from './answers.js';
import {sanitize} from './text.js';

export const FORMAT_VERSION = 1;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const TAGS = ['handshake', 'data', 'teardown', 'states', 'failures', 'attacks', 'tuning', 'interview'] as const;

/** Asked before the segment is shown (it is drawn as "?"). */
export const SEGMENT_FIELDS = ['flags', 'seq', 'ack', 'len', 'sender'] as const;
/** Asked once the position has been shown. */
export const AFTER_FIELDS = ['state', 'timer', 'duration', 'count', 'acked', 'syn-queue', 'accept-queue', 'claim'] as const;
/** `ask: queue` asks both of the listener's queues: the SYN queue's length, then the accept queue's. */
const QUEUE_FIELDS = ['syn-queue', 'accept-queue'] as const;
export type Field = (typeof SEGMENT_FIELDS)[number] | (typeof AFTER_FIELDS)[number];
const TIMER_KINDS: readonly TimerKind[] = ['retransmit', 'delayed-ack', 'time-wait', 'fin-wait-2', 'keepalive'];

export type Claim =
	| {readonly field: Exclude<Field, 'claim'>; readonly equals: string | number | boolean}
	| {readonly field: 'flags'; readonly includes: string};

export type Question = {
	readonly id: string;
	/** 0-based index of the scenario step the question is about. */
	readonly step: number;
	/** 1-based: the n-th segment that step put on the wire; absent = after the whole step. */
	readonly segment?: number;
	readonly ask: readonly Field[];
	readonly endpoint?: Side;
	readonly timer?: TimerKind;
	/** For `count`: the last step (0-based) of the range that starts at `step`. */
	readonly through?: number;
	readonly claim?: Claim;
	readonly prompt: string;
	readonly hints: readonly string[];
	readonly explain: string;
	readonly line: number | undefined;
};

export type StoryBeat = {readonly step: number; readonly tcp: string; readonly analogy?: string};

export type Lesson = {
	readonly formatVersion: number;
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly level: (typeof LEVELS)[number];
	readonly tags: readonly (typeof TAGS)[number][];
	readonly minutes: number;
	/** The classic interview question the lesson answers ("Why three handshakes, not two?"): shown in the menu and by list. */
	readonly classic?: string;
	readonly intro?: {readonly tcp: string; readonly analogy?: string};
	readonly scenario: Scenario;
	readonly story: readonly StoryBeat[];
	readonly questions: readonly Question[];
	readonly outro?: string;
	readonly file: string;
	/** In a translated lesson: the keys still shown in English (missing or stale in the translation). */
	readonly untranslated?: readonly string[];
};

type Ctx = {readonly file: string; lineAt(path: Path): number | undefined};

function fail(ctx: Ctx, path: Path, field: string, expected: string): never {
	throw new InputError(ctx.file, ctx.lineAt(path), field, expected);
}

/** Lesson ids: the keys progress is kept by. */
const STABLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Question ids, the keys of a lesson's results: letters, digits, dashes and underscores. */
const QUESTION_ID = /^[A-Za-z0-9][\w-]{0,63}$/;
/** Names every JavaScript object already has: an id like these would read as progress that was never saved. */
const RESERVED_IDS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

const TOP_KEYS = ['formatVersion', 'id', 'title', 'summary', 'level', 'tags', 'minutes', 'classic', 'intro', 'scenario', 'story', 'questions', 'outro'];

export function parseLesson(src: Sourced, file: string): Lesson {
	const ctx: Ctx = {file, lineAt: src.lineAt};
	const v = src.value;
	if (!isRecord(v)) fail(ctx, [], 'lesson', 'expected a map with formatVersion, id, title, scenario, questions …');
	for (const key of Object.keys(v)) if (!TOP_KEYS.includes(key)) fail(ctx, [key], key, `unknown field; expected one of ${TOP_KEYS.join(', ')}`);
	if (v['formatVersion'] !== FORMAT_VERSION) fail(ctx, ['formatVersion'], 'formatVersion', `expected ${FORMAT_VERSION} (this tutor reads format ${FORMAT_VERSION}), got ${showValue(v['formatVersion'])}`);
	const id = text(v, 'id', ctx, []);
	if (!STABLE_NAME.test(id)) fail(ctx, ['id'], 'id', 'expected lowercase letters, digits and dashes (a stable name, e.g. handshake-letters)');
	if (RESERVED_IDS.includes(id)) fail(ctx, ['id'], 'id', `"${id}" is reserved (progress is kept by id in a JSON object); choose another name`);
	const level = v['level'];
	if (!LEVELS.includes(level as never)) fail(ctx, ['level'], 'level', `expected one of ${LEVELS.join(', ')}, got ${showValue(level)}`);
	const tags = v['tags'];
	if (!Array.isArray(tags) || tags.length === 0 || tags.some(t => !TAGS.includes(t as never))) fail(ctx, ['tags'], 'tags', `expected a non-empty list from ${TAGS.join(', ')}`);
	const minutes = v['minutes'];
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 120) fail(ctx, ['minutes'], 'minutes', 'expected a whole number of minutes from 1 to 120');
	const classic = v['classic'] === undefined ? undefined : classicQuestion(v, ctx);
	const scenario = parseScenario(v['scenario'], ctx, ['scenario']);
	const stepOf = stepResolver(scenario, ctx);
	const intro = v['intro'] === undefined ? undefined : views(v['intro'], ctx, ['intro'], 'intro');
	const story = list(v, 'story', ctx, false).map((s, i) => {
		const p = ['story', i];
		if (!isRecord(s)) fail(ctx, p, `story ${i + 1}`, 'expected a map with step, tcp and optionally analogy');
		return {step: stepOf(s['step'], [...p, 'step'], `story ${i + 1} step`), ...views(s, ctx, p, `story ${i + 1}`)};
	});
	const questions = list(v, 'questions', ctx, true).map((q, i) => parseQuestion(q, i, ctx, stepOf));
	const ids = new Set<string>();
	questions.forEach((q, i) => {
		if (ids.has(q.id)) fail(ctx, ['questions', i, 'id'], `question ${i + 1} id`, `"${q.id}" is used twice; question ids must be unique in a lesson`);
		ids.add(q.id);
	});
	return {
		formatVersion: FORMAT_VERSION, id, title: text(v, 'title', ctx, []), summary: text(v, 'summary', ctx, []),
		level: level as Lesson['level'], tags: tags as Lesson['tags'], minutes, ...(classic === undefined ? {} : {classic}),
		...(intro ? {intro} : {}), scenario, story, questions,
		...(v['outro'] === undefined ? {} : {outro: text(v, 'outro', ctx, [])}), file,
	};
}

/** At most this many characters: one line of the menu, whole, on an 80-column terminal. */
export const CLASSIC_MAX = 76;

/** `classic:` one line, a question, short enough for one line of the menu. */
function classicQuestion(v: Record<string, unknown>, ctx: Ctx): string {
	const q = text(v, 'classic', ctx, []);
	if (/\n/.test(q)) fail(ctx, ['classic'], 'classic', 'expected one line: the interview question, e.g. "Why three handshakes, not two?"');
	if (!q.endsWith('?')) fail(ctx, ['classic'], 'classic', `expected a question, ending in "?", got ${showValue(q)}`);
	if ([...q].length > CLASSIC_MAX) fail(ctx, ['classic'], 'classic', `expected at most ${CLASSIC_MAX} characters (one line of the menu), got ${[...q].length}`);
	return q;
}

function stepResolver(scenario: Scenario, ctx: Ctx) {
	return (ref: unknown, path: Path, field: string): number => {
		if (typeof ref === 'number' && Number.isInteger(ref) && ref >= 1 && ref <= scenario.steps.length) return ref - 1;
		const byId = scenario.steps.find(s => s.id !== undefined && s.id === ref);
		if (byId) return byId.index;
		const ids = scenario.steps.flatMap(s => (s.id ? [s.id] : []));
		return fail(ctx, path, field, `expected a step id (${ids.join(', ') || 'none defined'}) or a step number from 1 to ${scenario.steps.length}, got ${showValue(ref)}`);
	};
}

const QUESTION_KEYS = ['id', 'step', 'segment', 'ask', 'endpoint', 'timer', 'through', 'claim', 'prompt', 'hints', 'explain'];

function parseQuestion(q: unknown, i: number, ctx: Ctx, stepOf: ReturnType<typeof stepResolver>): Question {
	const p: Path = ['questions', i];
	const where = `question ${i + 1}`;
	if (!isRecord(q)) fail(ctx, p, where, 'expected a map with id, step, ask, prompt, hints, explain');
	for (const key of Object.keys(q)) if (!QUESTION_KEYS.includes(key)) fail(ctx, [...p, key], `${where} ${key}`, `unknown field; expected one of ${QUESTION_KEYS.join(', ')}`);
	const id = text(q, 'id', ctx, p);
	if (!QUESTION_ID.test(id)) fail(ctx, [...p, 'id'], `${where} id`, 'expected letters, digits, dashes and underscores, starting with a letter or digit (e.g. synack)');
	if (RESERVED_IDS.includes(id)) fail(ctx, [...p, 'id'], `${where} id`, `"${id}" is reserved (results are kept by id in a JSON object); choose another name`);
	const given = typeof q['ask'] === 'string' ? [q['ask']] : q['ask'];
	const rawAsk = Array.isArray(given) ? given.flatMap(a => (a === 'queue' ? QUEUE_FIELDS : [a])) : given;
	const all: readonly string[] = [...SEGMENT_FIELDS, ...AFTER_FIELDS];
	if (!Array.isArray(rawAsk) || rawAsk.length === 0 || rawAsk.some(a => !all.includes(a as string))) fail(ctx, [...p, 'ask'], `${where} ask`, `expected one or a list of ${all.join(', ')} (queue: both queues)`);
	const ask = rawAsk as Field[];
	const before = ask.filter(a => (SEGMENT_FIELDS as readonly string[]).includes(a));
	if (before.length > 0 && before.length < ask.length) fail(ctx, [...p, 'ask'], `${where} ask`, `${SEGMENT_FIELDS.join(', ')} are asked before a segment is shown and cannot be mixed with ${AFTER_FIELDS.join(', ')}`);
	const segment = q['segment'];
	if (segment !== undefined && (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 1)) fail(ctx, [...p, 'segment'], `${where} segment`, 'expected a segment number from 1 (the n-th segment that step sends)');
	if (before.length > 0 && segment === undefined) fail(ctx, [...p, 'segment'], `${where} segment`, `asking ${before.join(', ')} needs "segment": which segment of the step`);
	const endpoint = q['endpoint'];
	if (endpoint !== undefined && endpoint !== 'client' && endpoint !== 'server') fail(ctx, [...p, 'endpoint'], `${where} endpoint`, 'expected client or server');
	const needsEndpoint = ask.some(a => a === 'state' || a === 'timer' || a === 'duration' || a === 'acked');
	if (needsEndpoint && endpoint === undefined) fail(ctx, [...p, 'endpoint'], `${where} endpoint`, `asking ${ask.join(', ')} needs "endpoint: client" or "endpoint: server"`);
	const timer = q['timer'];
	if (timer !== undefined && !TIMER_KINDS.includes(timer as TimerKind)) fail(ctx, [...p, 'timer'], `${where} timer`, `expected one of ${TIMER_KINDS.join(', ')}`);
	const claim = ask.includes('claim') ? parseClaim(q['claim'], ctx, [...p, 'claim'], `${where} claim`) : undefined;
	if (claim && ['state', 'timer', 'duration', 'acked'].includes(claim.field) && endpoint === undefined) fail(ctx, [...p, 'endpoint'], `${where} endpoint`, `a claim about ${claim.field} needs "endpoint"`);
	const hints = q['hints'];
	if (!Array.isArray(hints) || hints.length === 0) fail(ctx, [...p, 'hints'], `${where} hints`, 'expected a non-empty list of hints, a nudge first and nearly the answer last');
	hints.forEach((h, k) => {
		if (typeof h !== 'string' || h.trim() === '') fail(ctx, [...p, 'hints', k], `${where} hint ${k + 1}`, `expected non-empty text${isRecord(h) ? ' (YAML read it as a map: put text that contains ": " in quotes)' : ''}`);
	});
	const step = stepOf(q['step'], [...p, 'step'], `${where} step`);
	const through = q['through'] === undefined ? undefined : stepOf(q['through'], [...p, 'through'], `${where} through`);
	if (through !== undefined && through < step) fail(ctx, [...p, 'through'], `${where} through`, 'expected a step at or after "step"');
	return {
		id, step, ask, prompt: text(q, 'prompt', ctx, p), hints: hints.map(h => sanitize(h as string)), explain: text(q, 'explain', ctx, p),
		...(segment === undefined ? {} : {segment}), ...(endpoint === undefined ? {} : {endpoint}),
		...(timer === undefined ? {} : {timer: timer as TimerKind}), ...(through === undefined ? {} : {through}),
		...(claim ? {claim} : {}), line: ctx.lineAt(p),
	};
}

function parseClaim(v: unknown, ctx: Ctx, path: Path, where: string): Claim {
	const fields = ['flags', 'seq', 'ack', 'len', 'sender', 'state', 'timer', 'duration', 'count', 'acked', 'syn-queue', 'accept-queue'];
	if (!isRecord(v) || !fields.includes(v['field'] as string)) fail(ctx, path, where, `expected { field: ${fields.join('|')}, equals: VALUE } or { field: flags, includes: FLAG }`);
	if ('includes' in v) {
		if (v['field'] !== 'flags' || typeof v['includes'] !== 'string' || parseFlags(v['includes'])?.length !== 1) fail(ctx, [...path, 'includes'], `${where} includes`, 'expected one flag (SYN, ACK, FIN, RST), with field: flags');
		return {field: 'flags', includes: v['includes']};
	}
	const eq = v['equals'];
	if (typeof eq !== 'string' && typeof eq !== 'number' && typeof eq !== 'boolean') fail(ctx, [...path, 'equals'], `${where} equals`, 'expected the value the claim asserts');
	if (v['field'] === 'state' && !STATES.includes(eq as never)) fail(ctx, [...path, 'equals'], `${where} equals`, `expected a state: ${STATES.join(', ')}`);
	return {field: v['field'] as Exclude<Field, 'claim'>, equals: eq};
}

function views(v: unknown, ctx: Ctx, path: Path, where: string): {tcp: string; analogy?: string} {
	if (!isRecord(v)) fail(ctx, path, where, 'expected a map with tcp and optionally analogy');
	const analogy = v['analogy'];
	if (analogy !== undefined && (typeof analogy !== 'string' || analogy.trim() === '')) fail(ctx, [...path, 'analogy'], `${where} analogy`, 'expected text');
	return {tcp: text(v, 'tcp', ctx, path), ...(analogy === undefined ? {} : {analogy: sanitize(analogy as string).trim()})};
}

function text(v: Record<string, unknown>, key: string, ctx: Ctx, path: Path): string {
	const s = v[key];
	if (typeof s !== 'string' || s.trim() === '') fail(ctx, [...path, key], path.length ? `${describePath(path)} ${key}` : key, 'expected non-empty text');
	return sanitize(s).trim();
}

function list(v: Record<string, unknown>, key: string, ctx: Ctx, required: boolean): unknown[] {
	const l = v[key];
	if (l === undefined && !required) return [];
	if (!Array.isArray(l) || (required && l.length === 0)) fail(ctx, [key], key, required ? 'expected a non-empty list' : 'expected a list');
	return l;
}

function describePath(path: Path): string {
	return path.length >= 2 && typeof path[1] === 'number' ? `${String(path[0]).replace(/s$/, '')} ${path[1] + 1}` : path.join('.');
}
