// Mutations for the fuzz suite (issue 10, item 6): lines of YAML shuffled, cut and salted with
// hostile fragments; JSON values replaced with hostile ones. Each is plain data drawn by fast-check,
// so a failing case is named by the seed and path fast-check prints.
import fc from 'fast-check';

/** Escapes, controls, bidi and zero-width marks: nothing of these may reach a terminal. */
export const HOSTILE_TEXT = ['\u001b]52;c;cHduZWQ=\u0007', '\u001b[2J', '\u009b31m', '\u202e', '\u200b', '\r', '\u0000', '\ufeff', '\u001bc'];

/** YAML fragments: syntax, types, limits and escapes (in double quotes YAML writes \e, \a, \x9b). */
const FRAGMENTS = ['', ':', '- ', '{', '}', '[', '"', "'", '&a', '*a', '!!binary', '__proto__:', '\t', '"\\e[2J"', '"\\e]52;c;AA\\a"', '"\\x9b31m"',
	'"\\u202e"', '-1', '1e309', '.nan', '.inf', '99999999999', 'null', '~', 'step: 0', 'segment: 99', 'ask: [flags, state]', 'endpoint: mars',
	'- wait: -1s', '- wait: 86401s', '- client: send 0', '- client: send 1000001', '- client: send 999999', '- flood: 1000001',
	'- flood: { syns: 5, x: 1 }', '- inject: {from: client, flags: [SYN, FIN], seq: 1}', 'formatVersion: 2', '? [a]', '<<: *a',
	'- client: keepalive 1s 1s 3', '- client: keepalive 0s 0s 3', '- drop: { count: all }', 'backlog: 65535', 'mss: 1', 'id: __proto__',
	'id: constructor', '- { "\\e]0;t\\a": 1 }', 'network: { mss: 1 }'];

export type Mutation = {kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'replace-char' | 'truncate' | 'repeat'; a: number; b: number; frag: number};

export function mutate(text: string, m: Mutation): string {
	const lines = text.split('\n');
	const i = m.a % lines.length;
	const j = m.b % lines.length;
	switch (m.kind) {
		case 'delete': lines.splice(i, 1); break;
		case 'duplicate': lines.splice(i, 0, lines[i]!); break;
		case 'swap': [lines[i], lines[j]] = [lines[j]!, lines[i]!]; break;
		case 'insert': lines.splice(i, 0, ' '.repeat(m.b % 7) + FRAGMENTS[m.frag % FRAGMENTS.length]); break;
		case 'replace-char': {
			const line = lines[i]!;
			const k = m.b % Math.max(1, line.length);
			lines[i] = line.slice(0, k) + (FRAGMENTS[m.frag % FRAGMENTS.length] ?? '') + line.slice(k + 1);
			break;
		}
		case 'truncate': return text.slice(0, (m.a * 7919) % text.length);
		case 'repeat': lines.splice(i, 0, ...Array.from({length: 1 + (m.b % 400)}, () => lines[i]!)); break; // many steps, many questions
	}
	return lines.join('\n');
}

export const mutation = fc.record({
	kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'replace-char', 'truncate', 'repeat'),
	a: fc.nat(), b: fc.nat(), frag: fc.nat(),
}) as fc.Arbitrary<Mutation>;

/** A text from `texts`, mutated one to three times. */
export function mutatedText(texts: readonly string[]): fc.Arbitrary<string> {
	return fc.tuple(fc.nat(texts.length - 1), fc.array(mutation, {minLength: 1, maxLength: 3})).map(([n, ms]) => ms.reduce(mutate, texts[n]!));
}

/** A hostile JSON value: wrong types, extremes, escapes, reserved keys, deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
	value: fc.oneof({maxDepth: 4},
		fc.constantFrom(null, true, false, 0, -1, 1.5, 100, 101, 1e308, -0, 2 ** 53, '', 'x'),
		fc.constantFrom(...HOSTILE_TEXT).map(t => `id${t}`),
		fc.array(tie('value'), {maxLength: 3}),
		fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'completed', 'bestScore', 'attempts', 'resume', `k${HOSTILE_TEXT[0]}`, 'seed', 'pos', 'results'), tie('value'), {maxKeys: 4}),
	),
})).value;

/** A progress file: a valid one with one part replaced by a hostile value, or raw junk. */
export const progressText: fc.Arbitrary<string> = fc.oneof(
	fc.tuple(fc.constantFrom('lessons', 'fields', 'schemaVersion', 'lastLesson', 'handshake-letters', 'resume', 'results', '__proto__'), hostileValue, fc.boolean())
		.map(([where, value, bom]) => {
			const lesson = {completed: true, bestScore: 80, attempts: 2, resume: {seed: 7, pos: 3, relative: false, results: {synack: {attempts: 1, hints: 0, revealed: false, missed: [], firstTry: true}}, elapsedMs: 5}};
			const data: Record<string, unknown> = {schemaVersion: 1, lessons: {'handshake-letters': lesson, [`x${HOSTILE_TEXT[0]}`]: lesson}, fields: {flags: {asked: 2, firstTry: 1}}, lastLesson: 'handshake-letters'};
			// defineProperty: "__proto__" becomes a key of the file, as JSON.parse makes it, not a prototype.
			const put = (o: object, key: string) => Object.defineProperty(o, key, {value, enumerable: true, writable: true, configurable: true});
			if (where === 'handshake-letters') put(data['lessons'] as object, where);
			else if (where === 'resume' || where === 'results') put(lesson, where);
			else put(data, where);
			return (bom ? '\ufeff' : '') + JSON.stringify(data);
		}),
	fc.constantFrom('', '{', 'null', '[]', '"x"', '{"lessons": ', '\u0000\u0001', `{"lessons": {"${'\\u001b'}]52;c;AA": 1}}`),
);

/** Fixed for CI (every run the same cases); `npm run fuzz` draws one (FUZZ_RANDOM=1) unless FUZZ_SEED repeats a run. */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? (process.env['FUZZ_RANDOM'] ? Math.floor(Math.random() * 2 ** 31) : 20261122));
/** How many times the CI run's number of cases (`npm run fuzz` sets 20). */
export const FUZZ_SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
