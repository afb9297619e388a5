// Fuzzed lesson, scenario and progress files, in process and at scale: each one loads or gets a
// clean InputError naming the file, never another exception; what loads runs, is checked and
// played without a crash (issue 10, item 6). test/fuzz/cli.test.ts runs fewer through the built CLI.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {checkLesson} from '../../src/lessons/check.js';
import {isDone, reduce, startSession} from '../../src/lessons/engine.js';
import {lessonFiles, lessonFromYaml} from '../../src/lessons/load.js';
import {normalize} from '../../src/progress/normalize.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import {InputError} from '../../src/yaml-source.js';
import {tempDir, tempStore} from '../helpers/temp-store.js';
import {FUZZ_SCALE, FUZZ_SEED, mutatedText, progressText} from './mutate.js';

const LESSONS = new URL('../../lessons/', import.meta.url).pathname;
const lessonTexts = lessonFiles(LESSONS).map(f => readFileSync(f, 'utf8'));
/** The shipped lessons' scenarios, each on its own, as `tcp-tutor trace` reads them. */
const scenarioTexts = lessonTexts.map(t => /^scenario:\n((?: {2}.*\n|\n)+)/m.exec(t)![1]!.replace(/^ {2}/gm, ''));

/** Loads, or fails with an InputError that names the file; nothing else. */
function loadsOrNamesTheFile<T>(file: string, load: () => T): T | undefined {
	try {
		return load();
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		expect(error.message.startsWith(file)).toBe(true);
		return undefined;
	}
}

/** One of the simulator's own guards (a plain Error with a sentence: too many events, ISNs used up), not a TypeError or RangeError of a bug. */
function expectGuard(error: unknown): void {
	expect((error as Error).constructor).toBe(Error);
	expect((error as Error).message).toMatch(/^simulat(ion|or) /);
}

describe(`fuzzed files, in process (seed ${FUZZ_SEED})`, () => {
	it('lessons load or fail naming the file; those that load are checked and played to the end', () => {
		let loaded = 0;
		let rejected = 0;
		fc.assert(fc.property(mutatedText(lessonTexts), text => {
			const lesson = loadsOrNamesTheFile('fuzzed.yaml', () => lessonFromYaml(text, 'fuzzed.yaml'));
			if (!lesson) return void rejected++;
			loaded++;
			for (const e of checkLesson(lesson, 2)) expect(e.message.startsWith('fuzzed.yaml')).toBe(true);
			let s;
			try {
				s = startSession(lesson, 1);
			} catch (error) {
				expectGuard(error); // check and play report it as "does not run"
				return;
			}
			for (let i = 0; i < 50_000 && !isDone(s); i++) s = reduce(reduce(s, {type: 'reveal'}), {type: 'next'});
			expect(isDone(s)).toBe(true);
		}), {numRuns: 1000 * FUZZ_SCALE, seed: FUZZ_SEED, endOnFailure: true});
		// Both outcomes happen, so the fuzzer reaches past the first check.
		expect(loaded).toBeGreaterThan(100);
		expect(rejected).toBeGreaterThan(100);
	});

	it('scenarios load or fail naming the file; those that load run', () => {
		let ran = 0;
		fc.assert(fc.property(mutatedText(scenarioTexts), fc.nat(), (text, seed) => {
			const scenario = loadsOrNamesTheFile('fuzzed.yaml', () => scenarioFromYaml(text, 'fuzzed.yaml'));
			if (!scenario) return;
			try {
				run(scenario, seed);
				ran++;
			} catch (error) {
				expectGuard(error); // trace reports it as the file's problem
			}
		}), {numRuns: 1000 * FUZZ_SCALE, seed: FUZZ_SEED, endOnFailure: true});
		expect(ran).toBeGreaterThan(100);
	});

	it('progress files are salvaged or moved aside; the store opens, takes a lesson and keeps it', () => {
		fc.assert(fc.property(progressText, text => {
			const dir = tempDir('tcp-tutor-fuzz-');
			writeFileSync(join(dir, 'progress.json'), text);
			const store = tempStore(dir);
			store.startAttempt('handshake-letters');
			store.finishAttempt('handshake-letters', 50, [{field: 'flags', firstTry: true}]);
			expect(store.writeError).toBeUndefined();
			expect(tempStore(dir).lesson('handshake-letters')).toMatchObject({completed: true});
			for (const p of Object.values(normalize(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'))).data.lessons)) expect(typeof p.attempts).toBe('number');
		}), {numRuns: 150 * FUZZ_SCALE, seed: FUZZ_SEED, endOnFailure: true});
	});
});
