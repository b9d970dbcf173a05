// Jolt's install tree and what identifies it: the content key a Base image is built against, and the Jolt version
// written in every image file's header. Both are hashes of file contents, never of mtimes or absolute paths, so a
// checkout that is touched, copied or moved keeps its key, and any edit changes it.
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the folder holding package.json, src/, base/ and stdlib/ of the running Jolt */
export const installRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

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
  /** sha256 (hex) of Jolt's sources, Base, stdlib, the version and Node's version */
  key: string;
  /** sha256 (hex) of Jolt's own sources (the .ts files of src/) only */
  sources: string;
  version: string;
  files: number;
}

/** The files a key covers, as paths relative to the root with '/' separators, sorted by code unit (not by locale,
 * which would make the key depend on the user's settings). */
export function keyedFiles(root: string): string[] {
  const out: string[] = [];
  walk(root, 'src', name => name.endsWith('.ts'), out);
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

/** Hash a string with its length first, so that no two different sequences of fields hash the same stream. */
function field(h: Hash, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(bytes.length));
  h.update(len);
  h.update(bytes);
}

function packageVersion(root: string): string {
  try {
    const v: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    return typeof v === 'string' ? v : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The sha256 of each keyed file's content, by relative path (sorted). */
export function fileHashes(root: string): [string, string][] {
  return keyedFiles(root).map(rel => [
    rel,
    createHash('sha256')
      .update(readFileSync(join(root, rel)))
      .digest('hex'),
  ]);
}

/** Hash an install tree: every keyed file as its relative path and the hash of its content, in sorted order, then
 * the versions. (A hash of hashes, so that a memo of per-file hashes could stand in for reading a file.) */
export function hashInstall(parts: KeyParts = {}): InstallHashes {
  const root = parts.root ?? installRoot;
  const version = parts.version ?? packageVersion(root);
  const nodeVersion = parts.nodeVersion ?? process.version;
  const all = createHash('sha256'),
    src = createHash('sha256');
  const files = fileHashes(root);
  for (const [rel, hex] of files) {
    for (const h of rel.startsWith('src/') ? [all, src] : [all]) {
      field(h, rel);
      field(h, hex);
    }
  }
  field(all, `jolt ${version}`);
  field(all, `node ${nodeVersion}`);
  return { key: all.digest('hex'), sources: src.digest('hex'), version, files: files.length };
}

// The running Jolt's tree does not change under a running process (a changed source is only loaded by the next
// one), so it is hashed once per process.
let ours: InstallHashes | undefined;
function ownHashes(): InstallHashes {
  return (ours ??= hashInstall());
}

/** The content key of an install tree (64 hex digits); with no argument, the running Jolt's (hashed once). */
export function contentKey(parts?: KeyParts): string {
  return parts === undefined ? ownHashes().key : hashInstall(parts).key;
}

/** The Jolt version written in image headers: package.json's version and a hash of Jolt's own sources, since an
 * image written by one build of the sources may not be readable by another of the same version number. */
export function joltVersion(parts?: KeyParts): string {
  const h = parts === undefined ? ownHashes() : hashInstall(parts);
  return `${h.version}+${h.sources.slice(0, 16)}`;
}
