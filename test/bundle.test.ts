// The launcher loads Jolt's code from the bundle dist/jolt.cjs while it was built from src/ as it is, and from src/
// once a source file changed (an old bundle never shadows an edit). Run on a copy of the install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashInstall } from '../src/image/install.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

test('the bundle runs while it matches src/, and src/ runs once a source changed', t => {
  const dir = mkdtempSync(join(tmpdir(), 'jolt-bundle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['package.json', 'bin', 'src', 'base', 'stdlib', 'scripts'])
    cpSync(join(root, f), join(dir, f), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, [join(dir, 'scripts', 'bundle.js')], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  assert.ok(existsSync(join(dir, 'dist', 'jolt.cjs')));
  // the hash of src/ the bundle carries is the one install.ts computes from the files
  const baked = /bundledSources = [^"]*"([0-9a-f]{32})"/.exec(readFileSync(join(dir, 'dist', 'jolt.cjs'), 'utf8'));
  assert.equal(baked?.[1], hashInstall({ root: dir }).sources);
  // mark the bundle's usage text: which code ran shows in `jolt --help`
  const bundle = join(dir, 'dist', 'jolt.cjs');
  writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('usage: jolt [', 'usage: jolt-from-bundle ['));
  const help = () =>
    spawnSync(process.execPath, [join(dir, 'bin', 'jolt.js'), '--help'], {
      encoding: 'utf8',
      env: { ...process.env, JOLT_DEPOT_PATH: join(dir, 'depot') },
    }).stdout;
  assert.match(help(), /usage: jolt-from-bundle \[/, 'the bundle is used');
  appendFileSync(join(dir, 'src', 'cli.ts'), '\n// an edit\n');
  assert.match(help(), /usage: jolt \[/, 'an edited source is used, not the old bundle');
});
