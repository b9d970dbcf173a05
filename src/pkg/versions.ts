// Version numbers and version specifications as Julia's Pkg reads them: `[compat]` entries (caret by default,
// `^`, `~`, `=`, `>=`/`≥`, `<`, hyphen ranges, comma-separated unions) and the registry's version ranges
// (`0.2-0.3`, `1`, `*`, where a partial bound stands for every version with that prefix).
export type Version = readonly [number, number, number];

export function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(s.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export const showVersion = (v: Version): string => v.join('.');

export function cmpVersion(a: Version, b: Version): number {
  for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** [lo, hi): every version v with lo <= v < hi (hi undefined: no upper bound) */
export interface Interval {
  lo: Version;
  hi: Version | undefined;
}
/** a union of intervals */
export type VersionSet = Interval[];

export const contains = (set: VersionSet, v: Version): boolean =>
  set.some(i => cmpVersion(v, i.lo) >= 0 && (i.hi === undefined || cmpVersion(v, i.hi) < 0));

/** the digits given of a partial version ("1.2" gives [1, 2]) */
function parts(s: string): number[] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(x => x !== undefined).map(Number);
}
const full = (p: number[]): Version => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];
/** the first version after every version with prefix p */
function afterPrefix(p: number[]): Version {
  if (p.length === 1) return [p[0]! + 1, 0, 0];
  if (p.length === 2) return [p[0]!, p[1]! + 1, 0];
  return [p[0]!, p[1]!, p[2]! + 1];
}

/** caret: the leftmost non-zero digit given may not change */
function caret(p: number[]): Interval {
  const lo = full(p);
  if (p[0]! > 0 || p.length === 1) return { lo, hi: [p[0]! + 1, 0, 0] };
  if (p[1]! > 0 || p.length === 2) return { lo, hi: [0, p[1]! + 1, 0] };
  return { lo, hi: [0, 0, p[2]! + 1] };
}
/** tilde: the minor version may not change when given (the major when only it is given) */
function tilde(p: number[]): Interval {
  const lo = full(p);
  if (p.length === 1) return { lo, hi: [p[0]! + 1, 0, 0] };
  if (p[0] === 0 && p[1] === 0 && p.length === 3) return { lo, hi: [0, 0, p[2]! + 1] };
  return { lo, hi: [p[0]!, p[1]! + 1, 0] };
}

/** a `[compat]` entry; undefined when it is not a valid specification */
export function parseCompat(spec: string): VersionSet | undefined {
  const out: VersionSet = [];
  for (const raw of spec.split(',')) {
    const s = raw.trim();
    let m: RegExpExecArray | null;
    let p: number[] | undefined;
    if ((m = /^(\S+)\s+-\s+(\S+)$/.exec(s))) {
      const a = parts(m[1]!),
        b = parts(m[2]!);
      if (!a || !b) return undefined;
      out.push({ lo: full(a), hi: afterPrefix(b) });
    } else if ((m = /^(\^|~|=|>=|≥|<)\s*(.*)$/.exec(s))) {
      if (!(p = parts(m[2]!))) return undefined;
      const op = m[1]!;
      if (op === '^') out.push(caret(p));
      else if (op === '~') out.push(tilde(p));
      else if (op === '=') out.push({ lo: full(p), hi: afterPrefix([...full(p)]) });
      else if (op === '<') out.push({ lo: [0, 0, 0], hi: full(p) });
      else out.push({ lo: full(p), hi: undefined });
    } else if ((p = parts(s))) out.push(caret(p));
    else return undefined;
  }
  return out.length ? out : undefined;
}

/** a registry version range: `*`, `1`, `0.2-0.3`, `1.2.3-1` */
export function parseRange(s: string): VersionSet | undefined {
  s = s.trim();
  if (s === '*' || s === '') return [{ lo: [0, 0, 0], hi: undefined }];
  const [a, b] = s.includes('-') ? s.split('-').map(x => x.trim()) : [s, s];
  const pa = a === '*' || a === '' ? [0] : parts(a!);
  if (!pa) return undefined;
  if (b === '*' || b === '') return [{ lo: full(pa), hi: undefined }];
  const pb = parts(b!);
  if (!pb) return undefined;
  return [{ lo: full(pa), hi: afterPrefix(pb) }];
}

export function intersect(a: VersionSet, b: VersionSet): VersionSet {
  const out: VersionSet = [];
  for (const x of a)
    for (const y of b) {
      const lo = cmpVersion(x.lo, y.lo) >= 0 ? x.lo : y.lo;
      const hi = x.hi === undefined ? y.hi : y.hi === undefined ? x.hi : cmpVersion(x.hi, y.hi) <= 0 ? x.hi : y.hi;
      if (hi === undefined || cmpVersion(lo, hi) < 0) out.push({ lo, hi });
    }
  return out;
}
