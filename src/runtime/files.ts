// Files for Base's IOStream: open/close, buffered writes, whole-file reads. Jolt strings are byte strings (one
// char code per byte), so bytes move through 'latin1' unchanged. Failures return a negative errno for Base to
// raise as a SystemError, the way Julia reports them.
import { openSync, closeSync, fstatSync, writeSync, readFileSync, statSync, existsSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { registerForeign } from './foreign.ts';
import { T, type Value } from './values.ts';
import { baseThrow } from './modules.ts';
import { utf8Encode } from './utf8.ts';

const pending = new Map<number, string[]>(); // unflushed writes per open file
const nothing = (): Value => T.Nothing!.instance!;
const errno = (e: unknown): bigint => {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  return -BigInt((constants.errno as Record<string, number>)[code] ?? 5);
};

/** Julia's SystemError for a failed system call on a file ("close: Input/output error") */
export function systemError(prefix: string, e: unknown): never {
  baseThrow('SystemError', utf8Encode(prefix), -errno(e));
}

/** writes out a file's buffered writes; a failure (a full disk, a file that takes no writes) is a SystemError for
 *  the call (`what`) that asked for it, and the buffered data is dropped */
function flushFile(fd: number, what: string): void {
  const chunks = pending.get(fd);
  if (!chunks?.length) return;
  const data = Buffer.from(chunks.join(''), 'latin1');
  pending.set(fd, []);
  try {
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off);
  } catch (e) {
    systemError(what, e);
  }
}

const FLAGS: Record<string, string> = { r: 'r', w: 'w', a: 'a', 'r+': 'r+', 'w+': 'w+', 'a+': 'a+' };
registerForeign('jl_fs_open', ([path, mode]) => {
  try {
    const fd = openSync(path as string, FLAGS[mode as string] ?? 'r');
    // a directory opens on Linux but is no file to read: Julia's streams refuse it at the open
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      return -BigInt(constants.errno.EISDIR);
    }
    pending.set(fd, []);
    return BigInt(fd);
  } catch (e) {
    return errno(e);
  }
});
registerForeign('jl_fs_write', ([fd, s]) => {
  const chunks = pending.get(Number(fd as bigint))!;
  chunks.push(s as string);
  if (chunks.length > 4096) flushFile(Number(fd as bigint), 'write');
  return nothing();
});
registerForeign('jl_fs_flush', ([fd]) => {
  flushFile(Number(fd as bigint), 'flush');
  return nothing();
});
registerForeign('jl_fs_close', ([fd]) => {
  const n = Number(fd as bigint);
  try {
    flushFile(n, 'close');
  } finally {
    pending.delete(n);
    closeSync(n);
  }
  return nothing();
});
registerForeign('jl_fs_read_all', ([fd]) => {
  try {
    return readFileSync(Number(fd as bigint), 'latin1');
  } catch (e) {
    systemError('read', e);
  }
});
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
    EIO: 'Input/output error',
    ENOSPC: 'No space left on device',
    EPIPE: 'Broken pipe',
    EBADF: 'Bad file descriptor',
    EINVAL: 'Invalid argument',
    EROFS: 'Read-only file system',
    EPERM: 'Operation not permitted',
  };
  return text[code ?? ''] ?? code ?? 'Unknown error';
});
registerForeign('jl_tempdir', () => tmpdir());
registerForeign(
  'jl_tempname',
  () => `${tmpdir()}/jl_${process.getBuiltinModule('node:crypto').randomBytes(8).toString('base64url')}`,
);
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

// the host's kernel, as Julia names it in Sys.KERNEL (Base.Sys.isunix and the like ask it at run time)
registerForeign('jl_sys_kernel', () => {
  const names: Record<string, string> = { linux: 'Linux', darwin: 'Darwin', win32: 'NT', freebsd: 'FreeBSD' };
  return names[process.platform] ?? process.platform;
});
