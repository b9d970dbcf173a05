// How the launcher loads Jolt's code: the bundle (dist/jolt.cjs, made by scripts/bundle.js) while it was built from
// src/ as it is, with V8's code cache for it kept in the depot; else src/ itself. dist/bundle.json records each file
// of src/ with its size and mtime, which only says whether the bundle is current; what a session image is keyed by
// is the sources' content (src/image/install.ts).

/** A Node built-in module. Taken with process.getBuiltinModule where Node has it, not with `import`: an ESM import
 *  of a built-in makes its ESM facade, which reads every export (node:fs's stream classes then load all of
 *  node:stream, milliseconds of every start). */
export const builtin = async name => process.getBuiltinModule?.(name) ?? (await import(name));
const { readdirSync, readFileSync, statSync, writeFileSync, renameSync, mkdirSync, rmSync } = await builtin('node:fs');
const { dirname, join, resolve, delimiter } = await builtin('node:path');
const here = import.meta.dirname ?? dirname((await builtin('node:url')).fileURLToPath(import.meta.url)); // Node < 20.11

/** [path relative to src/, size, mtime in ms][] of every file under root/src */
export function sourceSignature(root) {
  const out = [];
  // paths by concatenation: path.join normalizes the whole path each time, ~5 ms over src/'s files at every start
  const src = `${root}/src/`;
  const walk = rel => {
    for (const e of readdirSync(src + rel, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else {
        const st = statSync(src + r);
        out.push([r, st.size, st.mtimeMs]);
      }
    }
  };
  walk('');
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** the bundle's record (scripts/bundle.js): `{ signature, hash, files }`, hash being the bundle's own content hash
 *  and files the hash of base/ and stdlib/ with their signature (absent when one was being edited) */
function bundleRecord(root) {
  try {
    const rec = JSON.parse(readFileSync(join(root, 'dist', 'bundle.json'), 'utf8'));
    if (JSON.stringify(rec.signature) === JSON.stringify(sourceSignature(root))) return rec;
  } catch {
    // no bundle
  }
  return undefined;
}

// ---- the bundle and its code cache
// Node's own compile cache holds a module's code as compiled when it loaded: its top level, not the functions it
// calls later, which V8 compiles at their first call in every process (~900 in a start). V8's code
// cache made after a run holds every function compiled so far, so the bundle is run as a script (vm.Script) whose
// cache is made at the end of a start from the Base image and kept in the depot (docs/ARCHITECTURE.md, "Start-up").

const CACHE_MAGIC = 'JOLTV8C1';

/** FNV-1a, 32 bits, of a string, as 8 hex digits: names the cache of one bundle under one set of V8 flags */
function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** where the code cache of the bundle at `path`, with content hash `hash`, lives: V8 rejects a cache made under other
 *  flags or another V8, so those are part of its name (a run on the launcher's worker and one on its main thread,
 *  say, each keep theirs); a source it checks by length only, so the bundle's content hash is in the name, and the
 *  bundle's own size and mtime (a bundle edited after it was built gets a cache of its own) */
function cachePath(path, hash, onWorker) {
  const first = (process.env.JOLT_DEPOT_PATH ?? '').split(delimiter)[0] ?? '';
  const home = process.getBuiltinModule('node:os').homedir();
  const depot = first === '' ? join(home, '.jolt') : resolve(first); // as src/image/depot.ts
  const st = statSync(path);
  const flags = fnv([process.version, process.arch, onWorker, st.size, st.mtimeMs, ...process.execArgv].join('\0'));
  return join(depot, 'codecache', `jolt-${hash.slice(0, 16)}-${flags}.v8cache`);
}

/** the cache's bytes if the file is whole (magic, length and CRC-32 of what follows), else why not */
function readCache(path) {
  let buf;
  try {
    buf = readFileSync(path);
  } catch {
    return 'missing';
  }
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== CACHE_MAGIC) return 'corrupt';
  const data = buf.subarray(16);
  if (buf.readUInt32LE(8) !== data.length) return 'corrupt';
  if (process.getBuiltinModule('node:zlib').crc32(data) !== buf.readUInt32LE(12)) return 'corrupt';
  return data;
}

/** writes the cache atomically (a temp file renamed over it), then drops the caches of other bundles */
function writeCache(path, data) {
  const head = Buffer.alloc(16);
  head.write(CACHE_MAGIC, 0, 'latin1');
  head.writeUInt32LE(data.length, 8);
  head.writeUInt32LE(process.getBuiltinModule('node:zlib').crc32(data), 12);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([head, data]));
  renameSync(tmp, path);
  // other bundles' caches unused for a day (two installs may share a depot), and temp files of writers that died
  const mine = path.slice(dir.length + 1).split('-')[1];
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      const age = now - statSync(p).mtimeMs;
      if (f.includes('.tmp-') ? age > 60_000 : f.split('-')[1] !== mine && age > 86_400_000) rmSync(p, { force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** Runs the bundle, whose record is `rec`, with its code cache. Jolt finds at
 *  `globalThis[Symbol.for('jolt.codeCache')]` what became of the cache (`state`: used, missing, corrupt, or
 *  rejected by V8) and, unless it was used, `save`, which it calls as a start from the Base image ends. */
function runBundle(rec, onWorker) {
  const path = join(here, '..', 'dist', 'jolt.cjs');
  const vm = process.getBuiltinModule('node:vm');
  const url = process.getBuiltinModule('node:url').pathToFileURL(path).href;
  const cache = cachePath(path, rec.hash, onWorker);
  const read = readCache(cache);
  const cachedData = typeof read === 'string' ? undefined : read;
  // the bundle is an ES module's code (strict) with `import.meta.url` as a parameter (scripts/bundle.js)
  const source = `(function (require, module, exports, __joltUrl) {'use strict';${readFileSync(path, 'utf8')}\n})`;
  const script = new vm.Script(source, {
    filename: url,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const state = typeof read === 'string' ? read : script.cachedDataRejected ? 'rejected' : 'used';
  const save = () => {
    try {
      writeCache(cache, script.createCachedData());
    } catch {
      // a depot it cannot write to: the next start compiles again
    }
  };
  globalThis[Symbol.for('jolt.codeCache')] = state === 'used' ? { state } : { state, save };
  // the record of base/ and stdlib/ (src/image/install.ts)
  if (rec.files) globalThis[Symbol.for('jolt.bundledFiles')] = rec.files;
  const module = { exports: {} };
  script.runInThisContext()(process.getBuiltinModule('node:module').createRequire(path), module, module.exports, url);
}

/** Loads and runs Jolt: the bundle, or src/cli.ts (an ES module) when the bundle is missing or out of date.
 *  `onWorker`: on the launcher's worker thread (bin/worker.js). */
export async function startJolt({ onWorker = false } = {}) {
  // (the record is read, and src/ compared with it, once per start)
  const rec = bundleRecord(join(here, '..'));
  if (rec) runBundle(rec, onWorker);
  else await import('../src/cli.ts');
}
