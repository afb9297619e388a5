// 32-bit sequence-number arithmetic (RFC 9293 3.4: all arithmetic is modulo 2^32).

/** a + n, wrapped to 32 bits. */
export function seqAdd(a: number, n: number): number {
	return (a + n) >>> 0;
}

/** a - b as a signed 32-bit distance (positive when a is after b). */
export function seqDiff(a: number, b: number): number {
	return (a - b) | 0;
}

/** a < b in sequence space (RFC 9293 3.4: "=<" means less than or equal, modulo 2^32). */
export function seqLt(a: number, b: number): boolean {
	return seqDiff(a, b) < 0;
}

export function seqLe(a: number, b: number): boolean {
	return seqDiff(a, b) <= 0;
}

export function seqGt(a: number, b: number): boolean {
	return seqDiff(a, b) > 0;
}

export function seqGe(a: number, b: number): boolean {
	return seqDiff(a, b) >= 0;
}

/** lo <= x < hi in sequence space. */
export function seqInWindow(x: number, lo: number, hi: number): boolean {
	return seqLe(lo, x) && seqLt(x, hi);
}

/** x relative to base, as Wireshark shows it (0 for the ISN). */
export function seqRelative(x: number, base: number): number {
	return (x - base) >>> 0;
}
