// A process of the concurrency test in depot.test.ts: waits until a shared start time (so the processes really
// start together), then asks for the image, whose build is slow and counts itself in a file. Prints what it got.
// Usage: node ensure_child.ts <depot> <counter file> <start time, ms since the epoch>
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { baseImagePath, ensureImage, sleepSync } from '../../src/image/depot.ts';

const [depot, counter, startAt] = process.argv.slice(2) as [string, string, string];
const key = 'c0ffee'.repeat(10) + '0000';
sleepSync(Math.max(0, Number(startAt) - Date.now()));
const r = ensureImage(baseImagePath(key, depot), { kind: 'base', key }, () => {
  appendFileSync(counter, `${process.pid}\n`);
  sleepSync(300);
  // large enough that a reader of a half-written file would notice, and different per builder
  const payload = new Uint8Array(4 << 20).fill(7);
  new DataView(payload.buffer).setUint32(0, process.pid);
  return payload;
});
const sha = createHash('sha256').update(r.payload).digest('hex');
console.log(JSON.stringify({ pid: process.pid, built: r.built, sha, length: r.payload.length }));
