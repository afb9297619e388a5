// What a command may touch: output lines, input lines, the environment. Tests pass fakes.
import type {Texts} from '../i18n/texts.js';
import type {LineReader} from '../plain/play.js';

export type Io = {
	out(line: string): void;
	err(line: string): void;
	readonly input: LineReader;
	readonly env: NodeJS.ProcessEnv;
	readonly columns: number;
	/** The learner's language. */
	readonly texts: Texts;
};
