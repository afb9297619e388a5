// The {placeholders} of a text ({x}, {client.isn+1}, {ack} …): a translation must keep exactly the
// same ones as the English it translates, or it would show a raw "{ack}" or lose a number.
const PLACEHOLDER = /\{([a-z][\w.]*)\s*(?:([+-])\s*(\d+))?\}/gi;

/** The placeholders of a text, normalised ("{ client.isn + 1 }" → "{client.isn+1}"), sorted, each once. */
export function placeholdersOf(text: string): string[] {
	const found = new Set<string>();
	for (const m of text.matchAll(PLACEHOLDER)) found.add(`{${m[1]}${m[2] ? `${m[2]}${m[3]}` : ''}}`);
	return [...found].sort();
}

/** What differs, in words; undefined when both texts use the same placeholders. */
export function placeholderMismatch(english: string, translated: string): string | undefined {
	const en = placeholdersOf(english);
	const tr = placeholdersOf(translated);
	const missing = en.filter(p => !tr.includes(p));
	const extra = tr.filter(p => !en.includes(p));
	if (missing.length === 0 && extra.length === 0) return undefined;
	return [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in the English: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
}
