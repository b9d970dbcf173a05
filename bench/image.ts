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

/** a 32-bit multiply-rotate hash over 4-byte words, in JS (what a hand-written fast hash would cost) */
function wordHash(b: Uint8Array): number {
  const w = new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2);
  let h = 0x9747b28c;
  for (let i = 0; i < w.length; i++) {
    let k = Math.imul(w[i]!, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  return h >>> 0;
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
  '32-bit word hash (JS)',
  best(() => wordHash(payload)),
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
    'a JS word hash of 3.5 MB (cold)': `${wordHash.toString()}
      const b = new Uint8Array(3.5 * (1 << 20)).fill(3);
      const t0 = performance.now(); wordHash(b); console.log(performance.now() - t0);`,
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
