// TOML files of environments and registries: read with smol-toml (a maintained TOML 1.0 library), errors that name
// the file, line and column, and atomic writes (a temp file in the same folder renamed over the target, so a reader
// sees the old file or the whole new one, never half of it).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse, stringify, TomlError } from 'smol-toml';

export type TomlTable = { [key: string]: TomlValue };
export type TomlValue = string | number | bigint | boolean | TomlTable | TomlValue[] | Date | object;

/** a problem a Pkg operation reports to the user as Julia's Pkg does (PkgError: the message alone) */
export class PkgError extends Error {}

/** a malformed TOML file: `TOML Parser error:` then `file:line:column error: what` (Julia's layout) */
export class TomlParseError extends Error {}

export function parseToml(text: string, file: string): TomlTable {
  try {
    return parse(text) as TomlTable;
  } catch (e) {
    if (e instanceof TomlError) {
      const what = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      throw new TomlParseError(`TOML Parser error:\n${file}:${e.line}:${e.column} error: ${what}`);
    }
    throw e;
  }
}

export function readToml(file: string): TomlTable {
  return parseToml(readFileSync(file, 'utf8'), file);
}

/** writes `text` to `file` atomically: a reader never sees a half-written file, a crash leaves the old one */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(
    dirname(file),
    `.${basename(file)}.${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function writeToml(file: string, table: TomlTable, header = ''): void {
  writeFileAtomic(file, header + stringify(table) + '\n');
}

/** a string field of a table, or undefined */
export const str = (t: TomlTable | undefined, k: string): string | undefined =>
  t && typeof t[k] === 'string' ? (t[k] as string) : undefined;

/** a sub-table of string values (`[deps]`, `[compat]`), empty when absent */
export function strTable(t: TomlTable | undefined, k: string): Record<string, string> {
  const v = t?.[k];
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v))
    for (const [a, b] of Object.entries(v as TomlTable)) if (typeof b === 'string') out[a] = b;
  return out;
}
