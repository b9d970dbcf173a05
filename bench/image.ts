// Costs of the image layer (src/image/): checksums of a 30 MB payload (what the image file's checksum was chosen
// by, with what a start would pay to load node:zlib or node:crypto, in the fresh-process table), writing and reading a 30 MB image file, and the content key in a fresh process (it is computed at every
// start), beside the same files only stat'ed (what a memo validated by stat would cost at least), and reading the
// image in a fresh process, which pays for touching fresh memory (page faults) as every start will.
// Usage: node bench/image.ts [runs of the fresh-process measurement, default 11]
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readImageFile, writeImageFile } from '../src/image/image_file.ts';
import { murmur32 } from '../src/image/content_hash.ts';

const runs = Number(process.argv[2] ?? 11);

/** minimum wall time in ms of `reps` runs of f */
function best(f: () => unknown, reps = 7): number {
  let m = Infinity;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    m = Math.min(m, performance.now() - t0);
  }
  return m;
}

const payload = randomBytes(30 << 20);
const mb = payload.length / (1 << 20);
const row = (name: string, ms: number) =>
  console.log(`${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms  ${((mb / ms) * 1000).toFixed(0).padStart(6)} MB/s`);
console.log(`checksum of ${mb} MB (minimum of 7)`);
row(
  'crc32 (node:zlib)',
  best(() => crc32(payload)),
);
row(
  'sha256 (node:crypto)',
  best(() => createHash('sha256').update(payload).digest()),
);
row(
  'sha1 (node:crypto)',
  best(() => createHash('sha1').update(payload).digest()),
);
row(
  'MurmurHash3 x86_32 (JS, the one used)',
  best(() => murmur32(payload)),
);

const dir = mkdtempSync(join(tmpdir(), 'jolt-bench-image-'));
try {
  const path = join(dir, 'x.img');
  console.log(`\nimage file of ${mb} MB (minimum of 5)`);
  row(
    'writeImageFile (with fsync)',
    best(() => writeImageFile(path, 'base', 'k', payload), 5),
  );
  // each read fills a fresh 30 MB buffer, so this includes touching fresh memory (next table)
  row(
    'readImageFile (read and check)',
    best(() => readImageFile(path, { kind: 'base', key: 'k' }), 5),
  );
  row(
    'readFileSync alone',
    best(() => readFileSync(path), 5),
  );
  const bytes = readFileSync(path);
  row(
    'crc32 of the read bytes',
    best(() => crc32(bytes), 5),
  );

  // a fresh process each time: the first call is the one every start pays
  const install = JSON.stringify(new URL('../src/image/install.ts', import.meta.url).href);
  const image = JSON.stringify(new URL('../src/image/image_file.ts', import.meta.url).href);
  const probes = {
    'contentKey() (read and hash all)': `import { contentKey } from ${install};
      const t0 = performance.now(); contentKey(); console.log(performance.now() - t0);`,
    'only stat every keyed file': `import { keyedFiles, installRoot } from ${install};
      import { statSync } from 'node:fs';
      const t0 = performance.now();
      for (const f of keyedFiles(installRoot)) statSync(installRoot + '/' + f);
      console.log(performance.now() - t0);`,
    'readImageFile of the 30 MB image': `import { readImageFile } from ${image};
      const t0 = performance.now(); const r = readImageFile(${JSON.stringify(path)}, { kind: 'base', key: 'k' });
      if (!r.ok) throw new Error(r.reason); console.log(performance.now() - t0);`,
    'loading node:zlib': `const t0 = performance.now(); process.getBuiltinModule('node:zlib');
      console.log(performance.now() - t0);`,
    'loading node:crypto': `const t0 = performance.now(); process.getBuiltinModule('node:crypto');
      console.log(performance.now() - t0);`,
    'murmur32 of the 3.5 MB Base image (cold)': `import { murmur32 } from ${JSON.stringify(new URL('../src/image/content_hash.ts', import.meta.url).href)};
      const b = new Uint8Array(3.5 * (1 << 20)).fill(3);
      const t0 = performance.now(); murmur32(b); console.log(performance.now() - t0);`,
    'touching 30 MB of fresh memory': `const t0 = performance.now(); Buffer.allocUnsafe(30 << 20).fill(1);
      console.log(performance.now() - t0);`,
    'node -e 0 (whole process, for scale)': '',
  };
  console.log(`\nfirst call in a fresh process (${runs} processes each, interleaved; ms)`);
  const times = new Map<string, number[]>(Object.keys(probes).map(k => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, code] of Object.entries(probes)) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', code || '0'], { encoding: 'utf8' });
      const whole = performance.now() - t0;
      if (r.status !== 0) throw new Error(r.stderr);
      times.get(name)!.push(code ? Number(r.stdout) : whole);
    }
  }
  for (const [name, ms] of times) {
    ms.sort((a, b) => a - b);
    console.log(`${name.padEnd(38)} min ${ms[0]!.toFixed(2)}  median ${ms[ms.length >> 1]!.toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
