#!/usr/bin/env node
// Launcher: Jolt needs Node >= 22 (WasmGC, type stripping). When started by an older Node (the system one),
// re-run under the Node pinned in the project's own dependencies.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const require = createRequire(import.meta.url);
  let node;
  try { node = join(dirname(require.resolve('node/package.json')), 'bin', 'node'); }
  catch { console.error('jolt: Node >= 22 is required; run `npm ci` to install the pinned Node'); process.exit(1); }
  const r = spawnSync(node, [join(here, 'jolt.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  await import('../src/cli.ts');
}
