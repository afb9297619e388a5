// YAML text → plain data, remembering where each value came from, so an error can name the line.
import {yamlLib} from './deferred.js';

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
	const {LineCounter, parseDocument} = yamlLib();
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error'}); // no process warnings on a learner's stderr
	const first = doc.errors[0];
	if (first) {
		// With prettyErrors off the yaml package leaves linePos unset: find the line from the error's offset.
		const line = first.linePos?.[0].line ?? lineCounter.linePos(first.pos[0]).line;
		throw new InputError(file, line, 'YAML syntax', first.message.split('\n')[0] ?? first.message);
	}
	let value: unknown;
	try {
		value = dropProtoKeys(doc.toJS({maxAliasCount: 100}));
	} catch (error) {
		// toJS refuses an alias without its anchor, or too many aliases (a "billion laughs" file).
		throw new InputError(file, undefined, 'YAML', (error as Error).message.split('\n')[0] ?? 'cannot be read');
	}
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

/** A value as an error quotes it: JSON, but NaN and infinities as YAML writes them (JSON would say null), cut at 40 characters. */
export function showValue(v: unknown): string {
	const s = typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf') : JSON.stringify(v) ?? String(v);
	return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Is this a plain object (a YAML map), and not an array or null? */
export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}


/** A "__proto__" key in untrusted YAML changes nothing: the yaml package makes it an own property; drop it. */
function dropProtoKeys(v: unknown): unknown {
	if (Array.isArray(v)) v.forEach(dropProtoKeys);
	else if (isRecord(v)) {
		if (Object.hasOwn(v, '__proto__')) delete v['__proto__'];
		Object.values(v).forEach(dropProtoKeys);
	}
	return v;
}
