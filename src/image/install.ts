// Jolt's install tree and what identifies it: the content key a Base image is built against, and the Jolt version
// written in every image file's header. Both are hashes of file contents, never of mtimes or absolute paths, so a
// checkout that is touched, copied or moved keeps its key, and any edit changes it.
//
// Cost: it runs at every start, once per process (the sources under a running process are not the ones it loaded
// anyway): ~10 ms for ~115 files (750 KB) in a fresh process, most of it opening and reading files in cold code
// (bench/image.ts). A start from the bundle reads none: the bundle carries the hash of src/, and its record holds
// the hash of base/ and stdlib/ with each file's size and mtime, which a start compares (a stat per file). The hash is content_hash.ts's, not a sha256: loading node:crypto alone cost 5-10 ms. A memo of per-file hashes in the depot, trusted while a file's
// stat (size, mtime, ctime, inode) is unchanged, was tried and measured no faster (12.8 against 11.8 ms, minimum of
// 15 fresh processes on a loaded machine): the stats alone cost 40% of it, and reading and parsing the memo the rest.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentHash } from './content_hash.ts';

/** the folder holding package.json, src/, base/ and stdlib/ of the running Jolt (this file is src/image/install.ts,
 *  or part of the bundle dist/jolt.cjs) */
export const installRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));
function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'base'))) return d;
    if (dirname(d) === d) return resolve(dir, '..', '..');
  }
}

export interface KeyParts {
  /** the install tree to hash (default: the running Jolt's) */
  root?: string;
  /** Jolt's version (default: `version` of the tree's package.json) */
  version?: string;
  /** Node's version (default: `process.version`): V8 and Node may change what an image's contents mean */
  nodeVersion?: string;
}

/** the hashes of one install tree */
export interface InstallHashes {
  /** the hash (32 hex digits) of Jolt's sources, Base, stdlib, the version and Node's version */
  key: string;
  /** the hash of Jolt's own sources (the .ts files of src/) only */
  sources: string;
  version: string;
  files: number;
}

/** The files a key covers, as paths relative to the root with '/' separators, sorted by code unit (not by locale,
 * which would make the key depend on the user's settings). */
export function keyedFiles(root: string, withSources = true): string[] {
  const out: string[] = [];
  if (withSources) walk(root, 'src', name => name.endsWith('.ts'), out);
  walk(root, 'base', name => name.endsWith('.jl'), out);
  walk(root, 'stdlib', () => true, out);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function walk(root: string, rel: string, keep: (name: string) => boolean, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return; // a tree without stdlib/ (say) hashes as one without those files
  }
  for (const e of entries) {
    const r = `${rel}/${e.name}`;
    let dir = e.isDirectory(),
      file = e.isFile();
    if (e.isSymbolicLink()) {
      const s = statSync(join(root, r), { throwIfNoEntry: false });
      dir = s?.isDirectory() ?? false;
      file = s?.isFile() ?? false;
    }
    if (dir) walk(root, r, keep, out);
    else if (file && keep(e.name)) out.push(r);
  }
}

function packageVersion(root: string): string {
  try {
    const v: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    return typeof v === 'string' ? v : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** What scripts/bundle.js records of base/ and stdlib/: their hash (filesHash) and the size and mtime of each file
 *  when it was taken. */
export interface FilesRecord {
  filesHash: string;
  signature: [string, number, number][];
}

/** the size and mtime of each of `files` (relative to `root`) */
export function filesSignature(root: string, files: readonly string[]): [string, number, number][] {
  return files.map(rel => {
    const st = statSync(join(root, rel));
    return [rel, st.size, st.mtimeMs];
  });
}

/** The hash of base/ and stdlib/ (each keyed file as its relative path and content, in sorted order), and their
 *  signature. A file changed in the last two seconds makes no record (undefined): an edit made in the same tick
 *  of the file system's clock after the signature was taken would keep its size and mtime (Git's "racily clean"
 *  files). */
export function recordFiles(root: string): FilesRecord | undefined {
  const files = keyedFiles(root, false);
  const signature = filesSignature(root, files);
  if (signature.some(([, , mtime]) => mtime > Date.now() - 2000)) return undefined;
  return { filesHash: hashFiles(root, files), signature };
}

function hashFiles(root: string, files: readonly string[]): string {
  const h = new ContentHash();
  for (const rel of files) h.field(rel).field(readInto(join(root, rel)));
  return h.digest();
}

/** Hash an install tree: the hash of its sources (each `.ts` file of src/ as its relative path and content, in
 * sorted order), the hash of every other keyed file taken the same way, then the versions. `sources`, when given,
 * is the sources' hash already known (the bundle's, taken when it was built), and src/ is not read; `known`, the
 * bundle's record of base/ and stdlib/, is used while every file still has the size and mtime it records (a
 * touched file is read again, and gives the same key). */
export function hashInstall(parts: KeyParts = {}, sources?: string, known?: FilesRecord): InstallHashes {
  const root = parts.root ?? installRoot;
  const version = parts.version ?? packageVersion(root);
  const nodeVersion = parts.nodeVersion ?? process.version;
  const files = keyedFiles(root, sources === undefined);
  if (sources === undefined) {
    const src = new ContentHash();
    for (const rel of files) if (rel.startsWith('src/')) src.field(rel).field(readInto(join(root, rel)));
    sources = src.digest();
  }
  const others = files.filter(rel => !rel.startsWith('src/'));
  const filesHash =
    known && JSON.stringify(filesSignature(root, others)) === JSON.stringify(known.signature)
      ? known.filesHash
      : hashFiles(root, others);
  const all = new ContentHash().field(sources).field(filesHash);
  all.field(`jolt ${version}`).field(`node ${nodeVersion}`);
  return { key: all.digest(), sources, version, files: files.length };
}

// The hash of src/ that scripts/bundle.js writes into the bundle (esbuild's `define`): the bundle is the code that
// runs, so its sources' hash is known without reading src/ (75 files, most of the key's cost). Undeclared when
// Jolt runs from src/.
declare const JOLT_BUNDLED_SOURCES_HASH: string | undefined;
const bundledSources = typeof JOLT_BUNDLED_SOURCES_HASH === 'string' ? JOLT_BUNDLED_SOURCES_HASH : undefined;

// scripts/bundle.js's record of base/ and stdlib/, which the launcher passes on (bin/sources.js runBundle)
const bundledFiles = (globalThis as Record<symbol, unknown>)[Symbol.for('jolt.bundledFiles')] as
  FilesRecord | undefined;

// One buffer for every file: readFileSync would also fstat each file and allocate a buffer for it, which is a
// fifth of the cost of hashing a tree in a fresh process (bench/image.ts).
let scratch = Buffer.allocUnsafe(1 << 20);
/** a file's content, valid until the next call */
function readInto(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const r = readSync(fd, scratch, n, scratch.length - n, null);
      if (r === 0) return scratch.subarray(0, n);
      n += r;
    }
  } finally {
    closeSync(fd);
  }
}

// The running Jolt's tree does not change under a running process (a changed source is only loaded by the next
// one), so it is hashed once per process.
let ours: InstallHashes | undefined;
function ownHashes(): InstallHashes {
  return (ours ??= hashInstall({}, bundledSources, bundledSources === undefined ? undefined : bundledFiles));
}

/** The content key of an install tree (32 hex digits); with no argument, the running Jolt's (hashed once). */
export function contentKey(parts?: KeyParts): string {
  return parts === undefined ? ownHashes().key : hashInstall(parts).key;
}

/** The Jolt version written in image headers: package.json's version and a hash of Jolt's own sources, since an
 * image written by one build of the sources may not be readable by another of the same version number. */
export function joltVersion(parts?: KeyParts): string {
  const h = parts === undefined ? ownHashes() : hashInstall(parts);
  return `${h.version}+${h.sources.slice(0, 16)}`;
}
