// Lesson text is untrusted: show it as text (safeText) and fill its {placeholders}.
import {safeText} from '../safe-text.js';

/** Lesson text as it is shown: safe for a terminal, old Mac line ends as newlines, tabs as two spaces. */
export function sanitize(text: string): string {
	return safeText(text.replace(/\r\n?/g, '\n')).replace(/\t/g, '  ');
}

/** Fill "{client.isn}", "{server.isn+1}", "{ack}" from values; unknown names are left as written. */
export function fillTemplate(text: string, values: Readonly<Record<string, number | string>>): string {
	// A name may hold a dash before a letter ({syn-queue}); a dash before a digit subtracts ({x-1}).
	return text.replace(/\{([a-z][\w.]*(?:-[a-z][\w.]*)*)\s*(?:([+-])\s*(\d+))?\}/gi, (whole, name: string, sign?: string, n?: string) => {
		const v = values[name];
		if (v === undefined) return whole;
		if (sign === undefined || typeof v !== 'number') return String(v);
		return String((v + (sign === '-' ? -1 : 1) * Number(n)) >>> 0);
	});
}

/** The first sentence of a text (a Chinese sentence ends in 。？！ with no space after it). */
export function firstSentence(text: string): string {
	return text.split(/(?<=[.?!])\s|(?<=[。？！])/)[0]!;
}
