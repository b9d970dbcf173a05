// The Base image's load cost alone, in a fresh process (bench/run.ts runs it several times): finding its key,
// reading and checking the file, and decoding it into the session. Prints `image_load read_ms=.. decode_ms=..
// total_ms=.. bytes=..`.
import { enableCompileCache } from 'node:module';
enableCompileCache?.();
const { sessionFromImage } = await import('../src/engine.ts');
const { contentKey, baseImagePath } = await import('../src/image/depot.ts');
const { readImageFile } = await import('../src/image/image_file.ts');
const t0 = performance.now();
const key = contentKey();
const r = readImageFile(baseImagePath(key), { kind: 'base', key });
if (!r.ok) {
  process.stdout.write(`image_load fails: ${r.reason} (run jolt once to build it)\n`);
  process.exit(1);
}
const t1 = performance.now();
sessionFromImage(r.payload);
const t2 = performance.now();
process.stdout.write(
  `image_load read_ms=${(t1 - t0).toFixed(2)} decode_ms=${(t2 - t1).toFixed(2)} total_ms=${(t2 - t0).toFixed(2)} bytes=${r.payload.length}\n`,
);
