// The InputError that reading some input throws (any other error, or none, fails the test).
import {InputError} from '../../src/yaml-source.js';

export function inputErrorOf(read: () => unknown): InputError {
	try {
		read();
	} catch (e) {
		if (e instanceof InputError) return e;
		throw e;
	}
	throw new Error('no error thrown');
}
