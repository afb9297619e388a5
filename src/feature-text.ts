// Texts of the features added after the UI catalogue was planned (review, drill, the progress view),
// one English module per feature, in the catalogue's shape: keys, "{name}" placeholders, a ".1" key
// for the form of a count of one. t(key, params) and n(key, count, params) as the catalogue has them,
// so each module can move into the translation catalogue as it is.
export type Params = Readonly<Record<string, string | number>>;

export type FeatureTexts<K extends string> = {
	t(key: K, params?: Params): string;
	/** The form for `count` (`{n}` is filled with it). */
	n(key: K, count: number, params?: Params): string;
};

export function fill(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function featureTexts<K extends string>(catalogue: Readonly<Record<K, string>>): FeatureTexts<K> {
	const all = catalogue as Readonly<Record<string, string>>;
	return {
		t: (key, params) => fill(all[key] ?? key, params),
		n: (key, count, params) => fill((count === 1 ? all[`${key}.1`] : undefined) ?? all[key] ?? key, {n: count, ...params}),
	};
}
