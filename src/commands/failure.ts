// How a command that threw ends: the exit code and the one paragraph the learner reads (no stack
// trace unless DEBUG is set), made safe for the terminal like every other line.
import {safeText} from '../safe-text.js';
import {InputError} from '../yaml-source.js';
import {UsageError} from './args.js';

export function failure(error: unknown, debug: boolean): {readonly code: 1 | 2; readonly text: string} {
	if (error instanceof UsageError || error instanceof InputError) return {code: 2, text: safeText(`tcp-tutor: ${error.message}\n`)};
	const message = error instanceof Error ? error.message : String(error);
	const where = debug && error instanceof Error ? `${error.stack}\n` : 'Set DEBUG=1 to see where it happened.\n';
	return {code: 1, text: safeText(`tcp-tutor: internal error: ${message}\n${where}`)};
}
