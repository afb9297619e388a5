// What a command may touch: output lines, input lines, the environment. Tests pass fakes.
import type {LineReader} from '../plain/play.js';

export type Io = {
	out(line: string): void;
	err(line: string): void;
	readonly input: LineReader;
	readonly env: NodeJS.ProcessEnv;
	readonly columns: number;
};
