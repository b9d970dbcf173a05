// The git tree hash of a folder (what a registry's `git-tree-sha1` records for each version): each file is a git
// blob, each folder a git tree of its entries sorted as git sorts them (a folder's name as if it ended in `/`);
// empty folders and `.git` are left out, as Pkg does.
import { readdirSync, readFileSync, readlinkSync, statSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

function objectHash(kind: string, body: Buffer): Buffer {
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha1')
    .update(`${kind} ${body.length}\0`)
    .update(body)
    .digest();
}

/** the tree's hash as raw bytes, or undefined for a folder with no files */
function treeOf(dir: string): Buffer | undefined {
  const entries: { key: string; name: string; mode: string; hash: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) {
      entries.push({ key: name, name, mode: '120000', hash: objectHash('blob', Buffer.from(readlinkSync(p))) });
    } else if (st.isDirectory()) {
      const h = treeOf(p);
      if (h) entries.push({ key: name + '/', name, mode: '40000', hash: h });
    } else {
      const exec = (statSync(p).mode & 0o100) !== 0;
      entries.push({ key: name, name, mode: exec ? '100755' : '100644', hash: objectHash('blob', readFileSync(p)) });
    }
  }
  if (!entries.length) return undefined;
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const body = Buffer.concat(entries.flatMap(e => [Buffer.from(`${e.mode} ${e.name}\0`), e.hash]));
  return objectHash('tree', body);
}

export function treeHash(dir: string): string {
  return (treeOf(dir) ?? objectHash('tree', Buffer.alloc(0))).toString('hex');
}
