// Texts in the learner's language: t(key, {name: value}) fills "{name}"; n(key, count) picks the
// form for a count of one where the language has one. Only the chosen language's catalogue is loaded:
// English is built in (the fallback), Chinese is imported when chosen.
import {type Catalogue, EN, type MessageKey} from './en.js';
import type {Lang} from './lang.js';

export type {MessageKey};
export type Params = Readonly<Record<string, string | number>>;

export type Texts = {
	readonly lang: Lang;
	t(key: MessageKey, params?: Params): string;
	/** The form for `count` (`{n}` is filled with it). */
	n(key: MessageKey, count: number, params?: Params): string;
	/** The simulator's own words (a state change's cause, a note) in this language; as written where none is known. */
	sim(text: string): string;
};

/** Each catalogue text split at its placeholders, [text, name, text, …, text]: the texts are few, and `check` fills them again and again. */
const split = new Map<string, readonly string[]>();

/** "{name}" → params.name; a name without a value is left as written. */
export function fill(template: string, params: Params = {}): string {
	let parts = split.get(template);
	if (parts === undefined) {
		parts = template.split(/\{(\w+)\}/);
		if (split.size < 5000) split.set(template, parts);
	}
	let out = parts[0]!;
	for (let i = 1; i < parts.length; i += 2) {
		const name = parts[i]!;
		out += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
	}
	return out;
}

export function textsOf(lang: Lang, catalogue: Partial<Catalogue>, sim: (text: string) => string = text => text): Texts {
	const own = catalogue as Partial<Record<MessageKey, string>>;
	const en = EN as Record<MessageKey, string>;
	const one = (key: MessageKey) => `${key}.1` as MessageKey;
	return {
		lang,
		sim,
		t: (key, params) => fill(own[key] ?? en[key], params),
		n: (key, count, params) => {
			const template = (count === 1 ? own[one(key)] : undefined) ?? own[key] ?? (count === 1 ? en[one(key)] : undefined) ?? en[key];
			return fill(template, {n: count, ...params});
		},
	};
}

/** English: always at hand, and the default of every function that writes text. */
export const ENGLISH: Texts = textsOf('en', EN);

/** The texts of `lang`, loading its catalogue (the only one loaded besides English). */
export async function loadTexts(lang: Lang): Promise<Texts> {
	if (lang === 'en') return ENGLISH;
	const [{ZH}, {zhSim}] = await Promise.all([import('./zh.js'), import('./zh-sim.js')]);
	return textsOf('zh', ZH, zhSim);
}
