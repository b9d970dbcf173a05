// The launcher loads Jolt's code from the bundle dist/jolt.cjs while it was built from src/ as it is, and from src/
// once a source file changed (an old bundle never shadows an edit). Run on a copy of the install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashInstall } from '../src/image/install.ts';
import { bundledCopy } from './image/jolt_process.ts';

test('the bundle runs while it matches src/, and src/ runs once a source changed', t => {
  const dir = bundledCopy(t, 'jolt-bundle-');
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
