// Files for Base's IOStream: open/close, buffered writes, whole-file reads. Jolt strings are byte strings (one
// char code per byte), so bytes move through 'latin1' unchanged. Failures return a negative errno for Base to
// raise as a SystemError, the way Julia reports them.
import { openSync, closeSync, writeSync, readFileSync, statSync, existsSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { registerForeign } from './foreign.ts';
import { T, type Value } from './values.ts';

const pending = new Map<number, string[]>(); // unflushed writes per open file
const nothing = (): Value => T.Nothing!.instance!;
const errno = (e: unknown): bigint => {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return -BigInt((constants.errno as Record<string, number>)[code] ?? 5);
};

function flushFile(fd: number): void {
  const chunks = pending.get(fd);
  if (!chunks?.length) return;
  const data = Buffer.from(chunks.join(''), 'latin1');
  pending.set(fd, []);
  for (let off = 0; off < data.length;) off += writeSync(fd, data, off);
}

const FLAGS: Record<string, string> = { r: 'r', w: 'w', a: 'a', 'r+': 'r+', 'w+': 'w+', 'a+': 'a+' };
registerForeign('jl_fs_open', ([path, mode]) => {
  try {
    const fd = openSync(path as string, FLAGS[mode as string] ?? 'r');
    pending.set(fd, []);
    return BigInt(fd);
  } catch (e) {
    return errno(e);
  }
});
registerForeign('jl_fs_write', ([fd, s]) => {
  const chunks = pending.get(Number(fd as bigint))!;
  chunks.push(s as string);
  if (chunks.length > 4096) flushFile(Number(fd as bigint));
  return nothing();
});
registerForeign('jl_fs_flush', ([fd]) => {
  flushFile(Number(fd as bigint));
  return nothing();
});
registerForeign('jl_fs_close', ([fd]) => {
  const n = Number(fd as bigint);
  flushFile(n);
  pending.delete(n);
  closeSync(n);
  return nothing();
});
registerForeign('jl_fs_read_all', ([fd]) => readFileSync(Number(fd as bigint), 'latin1'));
registerForeign('jl_fs_size', ([path]) => {
  try {
    return BigInt(statSync(path as string).size);
  } catch (e) {
    return errno(e);
  }
});
registerForeign('jl_fs_isfile', ([path]) => {
  try {
    return statSync(path as string).isFile();
  } catch {
    return false;
  }
});
registerForeign('jl_fs_exists', ([path]) => existsSync(path as string));
registerForeign('jl_strerror', ([n]) => {
  const code = Object.entries(constants.errno as Record<string, number>).find(
    ([, v]) => v === Number(n as bigint),
  )?.[0];
  const text: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    EISDIR: 'Is a directory',
    EEXIST: 'File exists',
    ENOTDIR: 'Not a directory',
  };
  return text[code ?? ''] ?? code ?? 'Unknown error';
});
registerForeign('jl_tempdir', () => tmpdir());
registerForeign('jl_tempname', () => `${tmpdir()}/jl_${randomBytes(8).toString('base64url')}`);
registerForeign('jl_fs_rm', ([path]) => {
  try {
    rmSync(path as string);
    return 0n;
  } catch (e) {
    return errno(e);
  }
});

// paths (Base.dirname, basename, abspath, pwd), as node:path's POSIX rules give them
registerForeign('jl_path_dirname', ([p]) => {
  const s = p as string;
  const k = s.lastIndexOf('/');
  return k < 0 ? '' : k === 0 ? '/' : s.slice(0, k);
});
registerForeign('jl_path_basename', ([p]) => (p as string).slice((p as string).lastIndexOf('/') + 1));
registerForeign('jl_path_abspath', ([p]) => resolvePath(p as string));
registerForeign('jl_pwd', () => process.cwd());
