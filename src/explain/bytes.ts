// A forward-only window on a byte stream (a file or standard input), read chunk by chunk: memory
// holds the unread tail of one chunk plus the record being read, never the whole capture.

import {InputError} from '../yaml-source.js';

/** A problem in a capture file: the file, the byte offset and what was expected there (exit code 2, as any bad input). */
export class CaptureError extends InputError {
	constructor(file: string, readonly offset: number, expected: string) {
		super(file, undefined, `at byte ${offset}`, expected);
		this.name = 'CaptureError';
	}
}

export class ByteWindow {
	private buf: Buffer = Buffer.alloc(0);
	private pos = 0;
	/** The offset in the file of the next unread byte. */
	offset = 0;
	private done = false;

	constructor(private readonly chunks: AsyncIterator<Buffer | string>) {}

	/** Unread bytes in memory. */
	get available(): number {
		return this.buf.length - this.pos;
	}

	/** Read until `n` bytes are in memory; false if the stream ends first. */
	async ensure(n: number): Promise<boolean> {
		while (this.available < n && !this.done) {
			const next = await this.chunks.next();
			if (next.done) {
				this.done = true;
				break;
			}
			const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'latin1') : next.value;
			// Keep only the unread tail: what was read is let go.
			this.buf = this.available === 0 ? chunk : Buffer.concat([this.buf.subarray(this.pos), chunk]);
			this.pos = 0;
		}
		return this.available >= n;
	}

	/** The next `n` bytes (a view, valid until the next ensure), moving past them. */
	take(n: number): Buffer {
		const out = this.buf.subarray(this.pos, this.pos + n);
		this.pos += out.length;
		this.offset += out.length;
		return out;
	}

	/** Look at the next `n` bytes without moving. */
	peek(n: number): Buffer {
		return this.buf.subarray(this.pos, this.pos + n);
	}

	/** Move past `n` bytes, reading (and dropping) as much as needed; returns how many were skipped. */
	async skip(n: number): Promise<number> {
		let left = n;
		while (left > 0) {
			if (this.available === 0 && !(await this.ensure(1))) break;
			const k = Math.min(left, this.available);
			this.take(k);
			left -= k;
		}
		return n - left;
	}
}
