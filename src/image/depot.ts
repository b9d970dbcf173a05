// The depot: the folder where Jolt keeps what it builds for later runs (images/ holds the Base image and
// sysimages), and the inter-process lock that makes two Jolt processes starting at once on a fresh depot build an
// image once. Everything is synchronous, because Jolt's start-up is.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { readImageFile, writeImageFile, type ImageProblem } from './image_file.ts';

export { contentKey, joltVersion, type KeyParts } from './install.ts';

/** The depot: the first entry of JOLT_DEPOT_PATH (a list like JULIA_DEPOT_PATH), else ~/.jolt. An empty first
 * entry stands for the default, as in Julia. */
export function depotPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.JOLT_DEPOT_PATH ?? '').split(delimiter)[0] ?? '';
  return first === '' ? join(homedir(), '.jolt') : resolve(first);
}

/** Where the Base image built against `key` lives: the key's first 16 hex digits name it, so images of other
 * installs or versions sit beside it until pruned. */
export function baseImagePath(key: string, depot: string = depotPath()): string {
  return join(depot, 'images', `base-${key.slice(0, 16)}.img`);
}

// ---------------------------------------------------------------------------------------------------------------
// The lock

export interface LockOptions {
  /** a lock whose holder is alive is taken over after this long (ms): its holder is presumed hung */
  staleMs?: number;
  /** give up waiting after this long (ms) with an error (default: wait until the lock is released or stale) */
  waitMs?: number;
  /** how often to look at the lock while waiting (ms) */
  pollMs?: number;
  /** called once when the lock is held by another process, before waiting for it */
  onWait?: (holder: LockHolder) => void;
}

/** what a lock file holds: one line of JSON */
export interface LockHolder {
  pid: number;
  host: string;
  /** when it was taken (ms since the epoch) */
  time: number;
  /** tells this holder from a later one with the same pid */
  nonce: string;
}

/** Building Base takes seconds; a holder that is alive but has held a lock for this long is presumed hung. */
const DEFAULT_STALE_MS = 10 * 60_000;

/** Block the thread for `ms` milliseconds (there is no synchronous sleep in Node but this). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Run `fn` holding the inter-process lock `lockPath`: a file created exclusively (`wx`) that holds the holder's
 * pid. Waits while another live process holds it; takes it over when its holder is dead (same host) or it is older
 * than `staleMs`. */
export function withLock<T>(lockPath: string, fn: () => T, opts: LockOptions = {}): T {
  const me = acquire(lockPath, opts);
  try {
    return fn();
  } finally {
    release(lockPath, me);
  }
}

function acquire(lockPath: string, opts: LockOptions): LockHolder {
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const pollMs = opts.pollMs ?? 25;
  const start = Date.now();
  let told = false;
  for (;;) {
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      time: Date.now(),
      nonce: process.getBuiltinModule('node:crypto').randomBytes(8).toString('hex'),
    };
    if (tryCreate(lockPath, JSON.stringify(me) + '\n')) return me;
    const seen = readHolder(lockPath);
    if (seen === 'gone') continue; // released between our attempt and our look: try again at once
    if (isStale(seen, staleMs)) {
      breakStale(lockPath, seen);
      continue;
    }
    if (!told && !('unknown' in seen)) {
      opts.onWait?.(seen);
      told = true;
    }
    if (opts.waitMs !== undefined && Date.now() - start > opts.waitMs) {
      const who = !('unknown' in seen) ? `process ${seen.pid} on ${seen.host}` : 'another process';
      throw new Error(`timed out after ${opts.waitMs} ms waiting for the lock ${lockPath} held by ${who}`);
    }
    sleepSync(pollMs);
  }
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** the lock's holder; 'unknown' with the file's mtime while its content cannot be read (it is being written,
 * or is damaged); 'gone' when there is no lock file */
type Seen = LockHolder | { unknown: true; mtimeMs: number; raw: string } | 'gone';

function readHolder(lockPath: string): Seen {
  let raw: string, mtimeMs: number;
  try {
    raw = readFileSync(lockPath, 'utf8');
    mtimeMs = statSync(lockPath).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const h: unknown = JSON.parse(raw);
    if (isHolder(h)) return h;
  } catch {
    // an empty file: its creator has not written its pid yet (or died in between); judged by its age below
  }
  return { unknown: true, mtimeMs, raw };
}

function isHolder(h: unknown): h is LockHolder {
  if (typeof h !== 'object' || h === null) return false;
  const o = h as Record<string, unknown>;
  return (
    typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.time === 'number' && typeof o.nonce === 'string'
  );
}

/** whether a process with this pid exists (EPERM: it does, but belongs to another user) */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(seen: Exclude<Seen, 'gone'>, staleMs: number): boolean {
  if ('unknown' in seen) return Date.now() - seen.mtimeMs > Math.min(staleMs, 10_000);
  // a pid on another host (a depot on a shared file system) cannot be checked: only age tells
  if (seen.host === hostname() && !pidAlive(seen.pid)) return true;
  return Date.now() - seen.time > staleMs;
}

/** Remove a stale lock, but only the one judged stale: two waiters may both judge it so, and the second must not
 * remove the lock the first one has taken meanwhile. Breakers take turns through a second lock file and re-read
 * the lock under it; that one is held for microseconds, so it is broken by age alone. */
function breakStale(lockPath: string, seen: Exclude<Seen, 'gone'>): void {
  const breaker = `${lockPath}.break`;
  if (!tryCreate(breaker, `${process.pid}\n`)) {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 5_000) unlinkSync(breaker);
    } catch {
      // released meanwhile
    }
    sleepSync(5);
    return;
  }
  try {
    const now = readHolder(lockPath);
    if (now !== 'gone' && sameHolder(now, seen)) unlinkSync(lockPath);
  } finally {
    unlinkSync(breaker);
  }
}

function sameHolder(a: Exclude<Seen, 'gone'>, b: Exclude<Seen, 'gone'>): boolean {
  if ('unknown' in a || 'unknown' in b) return 'unknown' in a && 'unknown' in b && a.raw === b.raw;
  return a.nonce === b.nonce && a.pid === b.pid;
}

/** Release our lock, unless it was taken over meanwhile (we were presumed hung): the new holder keeps it. */
function release(lockPath: string, me: LockHolder): void {
  const now = readHolder(lockPath);
  if (now !== 'gone' && !('unknown' in now) && now.nonce === me.nonce) unlinkSync(lockPath);
}

// ---------------------------------------------------------------------------------------------------------------
// Images in the depot

export interface EnsureOptions {
  /** default: `<path>.lock` */
  lockPath?: string;
  lock?: LockOptions;
  /** called before building, with why the existing file could not be used */
  onBuild?: (problem: ImageProblem, reason: string) => void;
  /** after writing a new image, remove the other images of the folder whose names start with this (`base-`),
   * keeping the `keepOthers` newest (default 1: another install may share the depot) */
  prune?: { prefix: string; keepOthers?: number };
}

export type EnsureResult =
  | { payload: Uint8Array; built: false }
  /** `problem`/`reason`: why the file on disk was not used; `writeError`: the image was built but could not be
   * saved (a read-only depot), so the next run builds it again */
  | { payload: Uint8Array; built: true; problem: ImageProblem; reason: string; writeError?: string };

/** The payload of the image at `path` for `id`: read from the file if it is valid, else built by `build` and
 * written. Two processes calling this at once build it once: the second waits for the first's lock, then finds the
 * image valid. Readers never see a partial file, since files are replaced by rename. */
export function ensureImage(
  path: string,
  id: { kind: string; key: string },
  build: () => Uint8Array,
  opts: EnsureOptions = {},
): EnsureResult {
  const first = readImageFile(path, id);
  if (first.ok) return { payload: first.payload, built: false };
  const lockPath = opts.lockPath ?? `${path}.lock`;
  let lockError: string | undefined;
  try {
    mkdirSync(dirname(lockPath), { recursive: true });
  } catch (e) {
    lockError = errorLine(e);
  }
  const buildAndSave = (): EnsureResult => {
    // another process may have built it while we waited for the lock
    const again = readImageFile(path, id);
    if (again.ok) return { payload: again.payload, built: false };
    opts.onBuild?.(again.problem, again.reason);
    const payload = build();
    let writeError = lockError;
    if (writeError === undefined) {
      try {
        writeImageFile(path, id.kind, id.key, payload);
        if (opts.prune) pruneImages(dirname(path), opts.prune.prefix, path, opts.prune.keepOthers);
      } catch (e) {
        writeError = errorLine(e);
      }
    }
    const r: EnsureResult = { payload, built: true, problem: again.problem, reason: again.reason };
    if (writeError !== undefined) r.writeError = writeError;
    return r;
  };
  // a depot we cannot write to: build without the lock (nothing will be written either)
  return lockError === undefined ? withLock(lockPath, buildAndSave, opts.lock) : buildAndSave();
}

const TEMP_STALE_MS = 60_000;

const errorLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Remove from `dir` the image files named `<prefix>*.img` but `keep` and the `keepOthers` most recently written
 * others, and temp files left by writers that died. Lock files are left alone: a live holder may be building an
 * image of another key, and a lock is removed by its holder anyway. Errors are ignored: another process may be
 * pruning too. */
export function pruneImages(dir: string, prefix: string, keep: string, keepOthers = 1): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const images: { path: string; mtime: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const tmp = /\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
    if (tmp) {
      // the age too, since the pid may be another host's (a depot on a shared file system)
      const s = statSync(path, { throwIfNoEntry: false });
      if (s && Date.now() - s.mtimeMs > TEMP_STALE_MS && !pidAlive(Number(tmp[1]))) tryUnlink(path);
    } else if (name.startsWith(prefix) && name.endsWith('.img') && name !== basename(keep)) {
      const s = statSync(path, { throwIfNoEntry: false });
      if (s) images.push({ path, mtime: s.mtimeMs });
    }
  }
  images.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of images.slice(keepOthers)) tryUnlink(path);
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}
