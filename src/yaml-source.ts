// YAML text → plain data, remembering where each value came from, so an error can name the line.
import {LineCounter, parseDocument} from 'yaml';

export type Path = readonly (string | number)[];

export type Sourced = {
	readonly value: unknown;
	/** The 1-based line of the value at `path` (or of its nearest parent that exists). */
	lineAt(path: Path): number | undefined;
};

/** A problem in an input file, told as "FILE:LINE: where: what was expected". */
export class InputError extends Error {
	constructor(
		readonly file: string,
		readonly line: number | undefined,
		readonly where: string,
		readonly expected: string,
	) {
		super(`${file}${line === undefined ? '' : `:${line}`}: ${where}: ${expected}`);
		this.name = 'InputError';
	}
}

export function parseYaml(text: string, file: string): Sourced {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false});
	const first = doc.errors[0];
	if (first) {
		const pos = first.linePos?.[0];
		throw new InputError(file, pos?.line, 'YAML syntax', first.message.split('\n')[0] ?? first.message);
	}
	const value: unknown = doc.toJS({maxAliasCount: 100});
	return {
		value,
		lineAt(path) {
			for (let n = path.length; n >= 0; n--) {
				const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
				const range = (node as {range?: [number, number, number]} | undefined)?.range;
				if (range) return lineCounter.linePos(range[0]).line;
				if (n === 0) break;
			}
			return undefined;
		},
	};
}

/** Is this a plain object (a YAML map), and not an array or null? */
export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

