// The one sanitiser: every string that came from outside (lesson, scenario and progress files,
// arguments, typed answers, the environment) passes through safeText() before it reaches a terminal.
// The line front ends apply it to every line they print (cli.tsx), the ink front end in <Tinted>.

// CSI (7- and 8-bit), OSC up to BEL or ST (or to the end), DCS/SOS/PM/APC strings, other ESC sequences, left-over C1 controls.
const ESCAPES = new RegExp([
	'\\u001b\\[[0-?]*[ -/]*[@-~]?',
	'\\u009b[0-?]*[ -/]*[@-~]?',
	'(?:\\u001b\\]|\\u009d)[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
	'(?:\\u001b[P^_X]|[\\u0090\\u0098\\u009e\\u009f])[^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?',
	'\\u001b[ -/]*[0-~]?',
	'[\\u0080-\\u009f]',
].join('|'), 'g');

// C0 controls but tab and newline, DEL; bidi marks, embeddings, overrides and isolates (they can make
// text read as other text); zero-width spaces, word joiner, invisible operators and BOM. The zero-width
// joiner and non-joiner stay: emoji sequences and several scripts need them.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` with nothing a terminal would act on: no escape sequences, no control characters but newline and tab. */
export function safeText(text: string): string {
	return text.replace(/\r\n/g, '\n').replace(ESCAPES, '').replace(INVISIBLE, ''); // a lone CR (it rewrites the line) goes too
}
