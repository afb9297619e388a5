// Random mutations of the shipped lessons never crash the loader: each one loads or gets a clean
// InputError naming the file; a mutated lesson that loads can still be checked without a crash.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {checkLesson} from '../../src/lessons/check.js';
import {lessonFiles, lessonFromYaml} from '../../src/lessons/load.js';
import {InputError} from '../../src/yaml-source.js';

const texts = lessonFiles(new URL('../../lessons/', import.meta.url).pathname).map(f => readFileSync(f, 'utf8'));

const FRAGMENTS = ['', ':', '- ', '{', '}', '[', '"', "'", '&a', '*a', '!!binary', '__proto__:', '\t', '\u001b[2J', '-1', '1e309',
	'99999999999', 'null', '~', 'step: 0', 'segment: 99', 'ask: [flags, state]', 'endpoint: mars', '- wait: -1s', '- client: send 0',
	'- flood: 1000001', '- inject: {from: client, flags: [SYN, FIN], seq: 1}', 'formatVersion: 2', '? [a]', '<<: *a'];

type Mutation = {kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'replace-char' | 'truncate'; a: number; b: number; frag: number};

function mutate(text: string, m: Mutation): string {
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
	}
	return lines.join('\n');
}

const mutation = fc.record({
	kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'replace-char', 'truncate'),
	a: fc.nat(), b: fc.nat(), frag: fc.nat(),
}) as fc.Arbitrary<Mutation>;

describe('fuzzed lesson files', () => {
	it('load or fail with a clean error naming the file, never crash', () => {
		let loaded = 0;
		let rejected = 0;
		fc.assert(fc.property(fc.nat(texts.length - 1), fc.array(mutation, {minLength: 1, maxLength: 3}), (n, ms) => {
			const text = ms.reduce(mutate, texts[n]!);
			try {
				const lesson = lessonFromYaml(text, 'fuzzed.yaml');
				loaded++;
				for (const e of checkLesson(lesson, 2)) expect(e.message.startsWith('fuzzed.yaml')).toBe(true);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				expect(error.message.startsWith('fuzzed.yaml')).toBe(true);
				rejected++;
			}
		}), {numRuns: 3000, seed: 20261122});
		// Both outcomes happen, so the fuzzer reaches past the first check.
		expect(loaded).toBeGreaterThan(100);
		expect(rejected).toBeGreaterThan(100);
	});
});
