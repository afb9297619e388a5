// Lesson text is untrusted: show it as text. Strip terminal escape sequences and control characters.

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other ESC sequences, and C1 controls.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[P^_X][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|[\u0080-\u009f]/g;
// C0 controls except tab and newline, DEL, and bidirectional overrides that can disguise text.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '').replace(/\t/g, '  ');
}

/** Fill "{client.isn}", "{server.isn+1}", "{ack}" from values; unknown names are left as written. */
export function fillTemplate(text: string, values: Readonly<Record<string, number | string>>): string {
	return text.replace(/\{([a-z][\w.]*)\s*(?:([+-])\s*(\d+))?\}/gi, (whole, name: string, sign?: string, n?: string) => {
		const v = values[name];
		if (v === undefined) return whole;
		if (sign === undefined || typeof v !== 'number') return String(v);
		return String((v + (sign === '-' ? -1 : 1) * Number(n)) >>> 0);
	});
}
