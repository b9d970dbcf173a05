// The image file: a header and a payload (the serialized session, opaque here). Files are written atomically (a
// temp file in the same folder, fsync, rename), so a reader sees either no file, the old one or the whole new one;
// reading checks everything and names the first problem found instead of throwing, so a caller can say why it
// rebuilds an image.
//
// Layout (integers little-endian):
//   magic       8 bytes  "JOLTIMG\0"
//   format      u32      FORMAT_VERSION: the layout of what follows
//   headerLen   u32      bytes of the whole header, from the magic to the end of the header checksum
//   joltVersion str      (a str is a u16 byte length and UTF-8 bytes)
//   kind        str
//   key         str
//   payloadLen  u64
//   payloadCrc  u32      CRC-32 of the payload
//   headerCrc   u32      CRC-32 of every header byte before it
//   payload     payloadLen bytes
//
// Checksum: CRC-32 (node:zlib, native): 5.8 ms against 19 ms for sha256 over 30 MB (bench/image.ts), and a CRC-32
// detects every error burst of at most 32 bits, so a flipped byte is always detected, not just very likely. node:zlib
// is loaded when an image is checked (~5 ms), which still beats a checksum in JS: MurmurHash3 x86_32 took ~12 ms
// over the 3.5 MB Base image in a fresh process, where its loop has not been optimized yet. It is no defence against
// a file crafted to pass, which the depot (the user's own files) does not need. The header has its own checksum so
// that a flipped byte in the kind, the key or a length reads as corruption rather than as an image of another kind
// or key.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { joltVersion as currentJoltVersion } from './install.ts';

export const MAGIC: Uint8Array = new Uint8Array([0x4a, 0x4f, 0x4c, 0x54, 0x49, 0x4d, 0x47, 0x00]); // "JOLTIMG\0"
export const FORMAT_VERSION = 3;
/** node:zlib's CRC-32, loaded at its first use (a start that reads no image does without it) */
const crc32 = (b: Uint8Array): number => process.getBuiltinModule('node:zlib').crc32(b);
/** the fixed part of the header before the strings: magic, format, headerLen */
const PREFIX = MAGIC.length + 4 + 4;
/** a header is small; a larger headerLen is corruption, not a reason to read a huge prefix */
const MAX_HEADER = 1 << 16;

export interface ImageId {
  kind: string;
  /** the content key the image was built against; omitted on read: any key */
  key?: string;
  /** default: the running Jolt's version (package.json's version and a hash of its sources) */
  joltVersion?: string;
}

/** what is wrong with an image file, for callers that treat problems differently (a missing image or one of an
 * older key is routine; corruption deserves a message) */
export type ImageProblem =
  | 'missing'
  | 'unreadable'
  | 'magic'
  | 'truncated'
  | 'format'
  | 'header'
  | 'version'
  | 'kind'
  | 'key'
  | 'trailing'
  | 'checksum';

export type ReadResult =
  { ok: true; payload: Uint8Array; header: Required<ImageId> } | { ok: false; problem: ImageProblem; reason: string };

function str(out: number[], s: string): void {
  const b = Buffer.from(s, 'utf8');
  if (b.length > 0xffff) throw new RangeError(`image header field too long (${b.length} bytes)`);
  out.push(b.length & 0xff, b.length >> 8, ...b);
}

function encodeHeader(id: Required<ImageId>, payload: Uint8Array): Buffer {
  const strings: number[] = [];
  str(strings, id.joltVersion);
  str(strings, id.kind);
  str(strings, id.key);
  const len = PREFIX + strings.length + 8 + 4 + 4;
  const h = Buffer.alloc(len);
  h.set(MAGIC, 0);
  h.writeUInt32LE(FORMAT_VERSION, 8);
  h.writeUInt32LE(len, 12);
  h.set(strings, PREFIX);
  let p = PREFIX + strings.length;
  h.writeBigUInt64LE(BigInt(payload.length), p);
  h.writeUInt32LE(crc32(payload), p + 8);
  h.writeUInt32LE(crc32(h.subarray(0, p + 12)), p + 12);
  return h;
}

/** Write an image file atomically: a reader never sees a partial file, and a crash leaves the old file (or none)
 * plus at most a temp file `<name>.tmp-<pid>-<random>` (removed by pruneImages once its process is gone). */
export function writeImageFile(
  path: string,
  kind: string,
  key: string,
  payload: Uint8Array,
  opts: { joltVersion?: string; durable?: boolean } = {},
): void {
  const header = encodeHeader({ kind, key, joltVersion: opts.joltVersion ?? currentJoltVersion() }, payload);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // same folder as the target: rename is atomic only within one file system
  const tmp = join(
    dir,
    `${basename(path)}.tmp-${process.pid}-${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}`,
  );
  const fd = openSync(tmp, 'wx');
  try {
    writeAll(fd, header);
    writeAll(fd, payload);
    // the data must be on disk before the rename makes it visible, or a crash can leave a hole (a cache that is
    // rebuilt when found damaged may skip this: its checksum catches the hole)
    if (opts.durable !== false) fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  if (opts.durable !== false) syncDir(dir);
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
}

/** fsync a folder so the rename itself survives a crash; not every platform can open a folder (Windows) */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // the rename is still atomic; only its durability across a power cut is weaker
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read and check an image file. Never throws: every problem with the file is a `{ok: false}` with a one-line
 * reason. */
export function readImageFile(path: string, expect: ImageId): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', 'no such file');
    return fail('unreadable', `cannot read it (${code ?? String(e)})`);
  }
  try {
    return check(buf, expect);
  } catch (e) {
    // the checks bound every read, so this is a bug here, still not a reason to crash a start-up
    return fail('header', `unreadable header (${e instanceof Error ? e.message : String(e)})`);
  }
}

const fail = (problem: ImageProblem, reason: string): ReadResult => ({ ok: false, problem, reason });

function check(buf: Buffer, expect: ImageId): ReadResult {
  const size = buf.length;
  for (let i = 0; i < Math.min(size, MAGIC.length); i++) {
    if (buf[i] !== MAGIC[i]) return fail('magic', 'not a Jolt image file (bad magic number)');
  }
  if (size < PREFIX) return fail('truncated', `truncated (${size} bytes, the header alone takes more)`);
  const format = buf.readUInt32LE(8);
  if (format !== FORMAT_VERSION) return fail('format', `image format ${format}, this Jolt reads ${FORMAT_VERSION}`);
  const headerLen = buf.readUInt32LE(12);
  if (headerLen > MAX_HEADER || headerLen < PREFIX + 3 * 2 + 16) {
    return fail('header', `corrupt header (length ${headerLen})`);
  }
  if (size < headerLen) return fail('truncated', `truncated (${size} bytes, the header alone takes ${headerLen})`);
  if (crc32(buf.subarray(0, headerLen - 4)) !== buf.readUInt32LE(headerLen - 4)) {
    return fail('header', 'corrupt header (checksum mismatch)');
  }
  // the header checksum holds, so the strings' lengths can be trusted as far as they stay inside the header
  let p = PREFIX;
  const readStr = (): string | undefined => {
    if (p + 2 > headerLen - 16) return undefined;
    const n = buf.readUInt16LE(p);
    if (p + 2 + n > headerLen - 16) return undefined;
    const s = buf.toString('utf8', p + 2, p + 2 + n);
    p += 2 + n;
    return s;
  };
  const version = readStr(),
    kind = readStr(),
    key = readStr();
  if (version === undefined || kind === undefined || key === undefined || p !== headerLen - 16) {
    return fail('header', 'corrupt header (fields do not fit)');
  }
  const wantVersion = expect.joltVersion ?? currentJoltVersion();
  if (version !== wantVersion) return fail('version', `written by Jolt ${version}, this is Jolt ${wantVersion}`);
  if (kind !== expect.kind) return fail('kind', `a ${kind} image, not a ${expect.kind} image`);
  if (expect.key !== undefined && key !== expect.key) {
    return fail('key', `built for key ${key.slice(0, 16)}, expected ${expect.key.slice(0, 16)}`);
  }
  const payloadLen = buf.readBigUInt64LE(p);
  const payloadCrc = buf.readUInt32LE(p + 8);
  const have = BigInt(size - headerLen);
  if (have < payloadLen) return fail('truncated', `truncated (${have} of ${payloadLen} payload bytes)`);
  if (have > payloadLen) return fail('trailing', `corrupt (${have - payloadLen} bytes after the payload)`);
  const payload = buf.subarray(headerLen);
  if (crc32(payload) !== payloadCrc) return fail('checksum', 'corrupt (checksum mismatch)');
  return { ok: true, payload, header: { joltVersion: version, kind, key } };
}
