#!/usr/bin/env node
// Launcher. Jolt needs Node >= 22 (WasmGC, type stripping) and a deeper JS stack than Node's default, because each
// Jolt call nests a few interpreter frames (Julia programs recurse thousands of calls deep). When started without
// that, re-run under the Node pinned in the project's own dependencies with a larger stack.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STACK_KB = 7000; // under the usual 8 MiB thread stack, leaving room for native frames
const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
const hasStack = process.execArgv.some(a => a.startsWith('--stack-size'));
// compiled code asks V8 for optimized code from the start (src/codegen/compilation_hints.ts)
const V8_FLAGS = ['--experimental-wasm-compilation-hints'];
if (major < 22 || !hasStack) {
  let node = process.execPath;
  if (major < 22) {
    const require = createRequire(import.meta.url);
    try {
      node = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
    } catch {
      console.error('jolt: Node >= 22 is required; run `npm ci` to install the pinned Node');
      process.exit(1);
    }
  }
  const r = spawnSync(
    node,
    [`--stack-size=${STACK_KB}`, ...V8_FLAGS, join(here, 'jolt.js'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
} else {
  // V8's code cache on disk for Jolt's own modules: start-up skips recompiling (and re-stripping) them
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  await import('../src/cli.ts');
}
