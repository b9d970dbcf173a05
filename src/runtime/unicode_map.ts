// The Unicode standard library's transformations (as Julia's utf8proc does them) over JS's own Unicode support:
// String.prototype.normalize for the normal forms, Intl.Segmenter for grapheme clusters, regex properties for
// the character classes.

/** the options of `Unicode.normalize`, as bits (the stdlib passes them so) */
export const NORM = {
  compat: 1,
  decompose: 2,
  casefold: 4,
  stripmark: 8,
  stripignore: 16,
  stripcc: 32,
  newline2lf: 64,
  newline2ls: 128,
  newline2ps: 256,
  rejectna: 512,
} as const;

// Cherokee folds to its capital letters, unlike every other script
const CHEROKEE = /[\u13a0-\u13f5\u13f8-\u13fd\uab70-\uabbf]/u;
/** full case folding of one character: lower case of its upper case maps ß to ss and final sigma to σ */
const fold = (ch: string): string => (CHEROKEE.test(ch) ? ch.toUpperCase() : ch.toUpperCase().toLowerCase());

/** `s` (a JS string) transformed by the `NORM` bits in `flags`; a string in an unassigned code point with
 *  `rejectna` returns undefined */
export function unicodeMap(s: string, flags: number): string | undefined {
  if (flags & NORM.rejectna && /\p{Cn}/u.test(s)) return undefined;
  const nl = flags & (NORM.newline2lf | NORM.newline2ls | NORM.newline2ps);
  if (nl || flags & NORM.stripcc) {
    const to =
      flags & NORM.newline2lf ? '\n' : flags & NORM.newline2ls ? '\u2028' : flags & NORM.newline2ps ? '\u2029' : ' ';
    s = s.replace(/\r\n|[\n\r\u0085]/g, to);
  }
  if (flags & NORM.stripcc) s = s.replace(/[\t\f]/g, ' ').replace(/[\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/g, '');
  const form = flags & NORM.compat ? 'NFKD' : 'NFD';
  s = s.normalize(form);
  if (flags & NORM.casefold) s = Array.from(s, fold).join('').normalize(form);
  if (flags & NORM.stripmark) s = s.replace(/\p{M}/gu, '');
  if (flags & NORM.stripignore) s = s.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return flags & NORM.decompose ? s : s.normalize('NFC');
}

let segmenter: Intl.Segmenter | undefined;
/** the extended grapheme clusters of `s` (UAX #29) */
export function graphemeClusters(s: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), x => x.segment);
}

/** whether code point `cp` is assigned a character (surrogates and private use count) */
export const isAssigned = (cp: number): boolean =>
  cp >= 0 && cp <= 0x10ffff && !/\p{Cn}/u.test(String.fromCodePoint(cp));
