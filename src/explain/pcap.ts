// Reads pcap (libpcap's format, µs or ns, either byte order) and pcapng (sections, several
// interfaces, enhanced, simple and obsolete packet blocks, if_tsresol, if_tsoffset), streaming.
// Why our own reader and no dependency: both formats are short, fixed and documented
// (draft-ietf-opsawg-pcap, draft-ietf-opsawg-pcapng); the npm readers load whole files, pull
// in native code or are unmaintained, and the package ships with no runtime dependencies.
import {ByteWindow, CaptureError} from './bytes.js';

/** One captured frame: when, on which link type, the bytes captured (a view valid during the callback). */
export type Frame = {
	/** Microseconds since the Unix epoch. */
	readonly t: number;
	readonly linkType: number;
	readonly data: Buffer;
	/** The frame's length on the wire (more than data.length when the snapshot length cut it). */
	readonly origLen: number;
	/** Byte offset of the record in the file. */
	readonly offset: number;
};

export type ReadResult = {readonly format: 'pcap' | 'pcapng'; readonly frames: number; readonly warnings: readonly string[]};

/** No record of either format is larger: a length beyond this is a corrupt file, not a big packet. */
const MAX_RECORD = 16 * 1024 * 1024;
const PCAPNG_SHB = 0x0a0d0d0a;
const BOM = 0x1a2b3c4d;

/** Read a capture, calling `onFrame` for every frame in file order. */
export async function readCapture(chunks: AsyncIterator<Buffer | string>, file: string, onFrame: (f: Frame) => void): Promise<ReadResult> {
	const w = new ByteWindow(chunks);
	if (!(await w.ensure(4))) throw new CaptureError(file, 0, w.available === 0 ? 'the file is empty: expected a pcap or pcapng header' : 'the file ends inside its first 4 bytes: expected a pcap or pcapng header');
	const magic = w.peek(4);
	if (magic.readUInt32LE(0) === PCAPNG_SHB) return readPcapng(w, file, onFrame);
	for (const le of [true, false]) {
		const m = le ? magic.readUInt32LE(0) : magic.readUInt32BE(0);
		if (m === 0xa1b2c3d4 || m === 0xa1b23c4d) return readPcap(w, file, le, m === 0xa1b23c4d, onFrame);
	}
	throw new CaptureError(file, 0, `expected a pcap (a1b2c3d4) or pcapng (0a0d0d0a) magic number, found ${magic.toString('hex')}`);
}

async function readPcap(w: ByteWindow, file: string, le: boolean, nano: boolean, onFrame: (f: Frame) => void): Promise<ReadResult> {
	const warnings: string[] = [];
	if (!(await w.ensure(24))) throw new CaptureError(file, w.available, 'the file ends inside the 24-byte pcap header');
	const h = w.take(24);
	const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
	const linkType = u32(h, 20) & 0xffff; // the upper bits carry FCS information
	let frames = 0;
	for (;;) {
		const offset = w.offset;
		if (!(await w.ensure(16))) {
			if (w.available > 0) warnings.push(cutWarning(file, offset, 'inside a record header'));
			break;
		}
		const r = w.take(16);
		const inclLen = u32(r, 8);
		if (inclLen > MAX_RECORD) throw new CaptureError(file, offset + 8, `a captured length of ${inclLen} bytes: expected at most ${MAX_RECORD} (a corrupt record)`);
		const complete = await w.ensure(inclLen);
		const data = w.take(Math.min(inclLen, w.available));
		const t = u32(r, 0) * 1e6 + (nano ? Math.floor(u32(r, 4) / 1000) : u32(r, 4));
		onFrame({t, linkType, data, origLen: u32(r, 12), offset});
		frames++;
		if (!complete) {
			warnings.push(cutWarning(file, offset, `after ${data.length} of its ${inclLen} bytes (read up to the cut)`));
			break;
		}
	}
	return {format: 'pcap', frames, warnings};
}

function cutWarning(file: string, offset: number, where: string): string {
	return `${file}: the last packet, at byte ${offset}, is cut off ${where}: the capture was stopped while it was being written`;
}

type Interface = {readonly linkType: number; readonly snapLen: number; readonly unitsPerSecond: number; readonly offsetSeconds: number};

async function readPcapng(w: ByteWindow, file: string, onFrame: (f: Frame) => void): Promise<ReadResult> {
	const warnings: string[] = [];
	let le = true;
	let ifaces: Interface[] = [];
	let frames = 0;
	for (;;) {
		const offset = w.offset;
		if (!(await w.ensure(12))) {
			if (w.available > 0) warnings.push(cutWarning(file, offset, 'inside a block header'));
			break;
		}
		const head = w.peek(12);
		const typeLe = head.readUInt32LE(0);
		if (typeLe === PCAPNG_SHB) {
			// A section header says its own byte order: read it before the block's length.
			const bom = head.readUInt32LE(8);
			if (bom === BOM) le = true;
			else if (head.readUInt32BE(8) === BOM) le = false;
			else throw new CaptureError(file, offset + 8, `expected the byte-order magic 1a2b3c4d in a pcapng section header, found ${head.subarray(8, 12).toString('hex')}`);
			ifaces = []; // interfaces are numbered per section
		}
		const type = le ? head.readUInt32LE(0) : head.readUInt32BE(0);
		const length = le ? head.readUInt32LE(4) : head.readUInt32BE(4);
		if (length < 12 || length % 4 !== 0 || length > MAX_RECORD) {
			throw new CaptureError(file, offset + 4, `a block length of ${length}: expected a multiple of 4 from 12 to ${MAX_RECORD}`);
		}
		const complete = await w.ensure(length);
		const block = w.take(Math.min(length, w.available));
		const body = block.subarray(8, complete ? length - 4 : block.length);
		const u32 = (o: number) => (le ? body.readUInt32LE(o) : body.readUInt32BE(o));
		const u16 = (o: number) => (le ? body.readUInt16LE(o) : body.readUInt16BE(o));
		if (!complete && (type === 1 || ((type === 6 || type === 2) && body.length < 20) || (type === 3 && body.length < 4))) {
			warnings.push(cutWarning(file, offset, 'inside a block'));
			break;
		}
		const need = (n: number, what: string) => {
			if (body.length < n) throw new CaptureError(file, offset + 8 + body.length, `expected ${what} (${n} bytes), the block holds ${body.length}`);
		};
		if (type === 1) {
			need(8, 'an interface description');
			ifaces.push(interfaceOf(u16(0), u32(4), body.subarray(8), le));
		} else if (type === 6 || type === 2 || type === 3) {
			const packet = packetOf(type, body, u16, u32, need);
			const iface = ifaces[packet.iface];
			if (!iface) throw new CaptureError(file, offset + 8, `a packet on interface ${packet.iface}: expected one of the ${ifaces.length} interfaces described before it`);
			const capLen = type === 3 ? Math.min(packet.origLen, iface.snapLen || packet.origLen, body.length - 4) : packet.capLen;
			if (capLen > MAX_RECORD) throw new CaptureError(file, offset + 20, `a captured length of ${capLen}: expected at most ${MAX_RECORD}`);
			const data = body.subarray(packet.dataAt, packet.dataAt + capLen);
			const t = (packet.ts / iface.unitsPerSecond + iface.offsetSeconds) * 1e6;
			onFrame({t, linkType: iface.linkType, data, origLen: packet.origLen, offset});
			frames++;
			if (data.length < capLen || !complete) {
				warnings.push(cutWarning(file, offset, `after ${data.length} of its ${capLen} bytes (read up to the cut)`));
				break;
			}
		}
		if (!complete) {
			warnings.push(cutWarning(file, offset, 'inside a block'));
			break;
		}
	}
	return {format: 'pcapng', frames, warnings};
}

function packetOf(type: number, body: Buffer, u16: (o: number) => number, u32: (o: number) => number, need: (n: number, what: string) => void) {
	if (type === 3) {
		need(4, 'a simple packet block');
		return {iface: 0, ts: 0, capLen: 0, origLen: u32(0), dataAt: 4};
	}
	need(20, type === 6 ? 'an enhanced packet block' : 'a packet block');
	const iface = type === 6 ? u32(0) : u16(0);
	// 64-bit timestamp in the interface's units; as a double it keeps well under a microsecond of precision.
	return {iface, ts: u32(4) * 4294967296 + u32(8), capLen: u32(12), origLen: u32(16), dataAt: 20};
}

/** An interface description block: link type, snapshot length, and the options that change timestamps. */
function interfaceOf(linkType: number, snapLen: number, options: Buffer, le: boolean): Interface {
	let unitsPerSecond = 1e6;
	let offsetSeconds = 0;
	for (let o = 0; o + 4 <= options.length;) {
		const code = le ? options.readUInt16LE(o) : options.readUInt16BE(o);
		const len = le ? options.readUInt16LE(o + 2) : options.readUInt16BE(o + 2);
		if (code === 0 || o + 4 + len > options.length) break; // opt_endofopt, or a cut option
		const v = options.subarray(o + 4, o + 4 + len);
		if (code === 9 && len >= 1) {
			// if_tsresol: the high bit says a power of 2, else a power of 10.
			const r = v[0]!;
			const units = r & 0x80 ? 2 ** (r & 0x7f) : 10 ** (r & 0x7f);
			if (Number.isFinite(units) && units > 0) unitsPerSecond = units;
		} else if (code === 14 && len >= 8) {
			offsetSeconds = Number(le ? v.readBigInt64LE(0) : v.readBigInt64BE(0)); // if_tsoffset
		}
		o += 4 + len + ((4 - (len % 4)) % 4);
	}
	return {linkType, snapLen, unitsPerSecond, offsetSeconds};
}
