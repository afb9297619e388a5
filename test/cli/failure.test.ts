// How a command that threw ends: exit code, one paragraph, no stack trace unless DEBUG, and the
// message safe for the terminal even when it quotes a file.
import {describe, expect, test} from 'vitest';
import {UsageError} from '../../src/commands/args.js';
import {failure} from '../../src/commands/failure.js';
import {InputError} from '../../src/yaml-source.js';
import {STACK, UNSAFE} from '../helpers/cli.js';

const EVIL = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J';

describe('failure', () => {
	test.each([
		['a usage error', new UsageError(`no lesson "x${EVIL}"`), 2, 'tcp-tutor: no lesson "x"\n'],
		['an input error', new InputError('a.yaml', 4, `K${EVIL}`, 'unknown field'), 2, 'tcp-tutor: a.yaml:4: K: unknown field\n'],
		['anything else', new Error(`boom${EVIL}`), 1, 'tcp-tutor: internal error: boom\nSet DEBUG=1 to see where it happened.\n'],
		['a thrown string', `boom${EVIL}`, 1, 'tcp-tutor: internal error: boom\nSet DEBUG=1 to see where it happened.\n'],
	] as const)('%s', (_name, error, code, text) => {
		expect(failure(error, false)).toEqual({code, text});
	});

	test('DEBUG shows where it happened, still as text', () => {
		const {text} = failure(new Error(`boom${EVIL}`), true);
		expect(text).toMatch(STACK);
		expect(text).not.toMatch(UNSAFE);
	});
});
