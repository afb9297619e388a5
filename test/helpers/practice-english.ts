// The English sentences of practice (review, drill, the progress view, and plain mode's answer loop
// they share), as patterns: a Chinese screen or output must show none of them. A text whose words
// outside its placeholders are fewer than two ("handshake", "TIME-WAIT", "{n}× {lesson}: {prompt}")
// is left out: a lesson id or TCP's own names may show it in Chinese too.
import {EN} from '../../src/i18n/en.js';

const PREFIXES = ['practice.', 'review.', 'drill.', 'overview.', 'when.', 'plain.'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SENTENCES: readonly {key: string; pattern: RegExp}[] = Object.entries(EN as Record<string, string>)
	.filter(([key, text]) => PREFIXES.some(p => key.startsWith(p)) && (text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{2,}(?:-[A-Za-z]+)*/g) ?? []).length >= 2)
	.map(([key, text]) => ({key, pattern: new RegExp(text.trim().replace(/\s+/g, ' ').split(/\{\w+\}/).map(escape).join('.*?'))}));

/** The keys of the English practice sentences found in `text` (its whitespace folded, as a wrapped screen breaks lines). */
export function englishPracticeIn(text: string): string[] {
	const flat = text.replace(/\s+/g, ' ');
	return SENTENCES.filter(s => s.pattern.test(flat)).map(s => s.key);
}

/** How many sentences are checked (a test that none are found must check some). */
export const englishPracticeSentences = SENTENCES.length;
