// Jolt Strings are JS strings of bytes (each char code 0..255) holding UTF-8. These convert at the edges:
// source text and symbol names are ordinary JS strings; output is written as the raw bytes.

/** JS (UTF-16) text -> Jolt byte string */
export function utf8Encode(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) return s;
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** Jolt byte string -> JS text (invalid sequences become U+FFFD) */
export function utf8Decode(b: string): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++)
    if (b.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) return b;
  return Buffer.from(b, 'latin1').toString('utf8');
}

/** bytes of a code point's UTF-8 encoding, as a Jolt byte string */
export function encodeCodePoint(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(
    0xf0 | (cp >> 18),
    0x80 | ((cp >> 12) & 0x3f),
    0x80 | ((cp >> 6) & 0x3f),
    0x80 | (cp & 0x3f),
  );
}
