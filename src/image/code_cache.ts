// V8's code cache for Jolt's own bundle. The launcher (bin/sources.js runBundle) runs the bundle with the cache it
// finds in the depot; when there was none, or V8 refused it, it leaves a `save` here. The cache is made as a start
// from an image ends, so that it holds what such a start compiles (the image decoder, the CLI, the parser and
// interpreter for the program's first lines), not what building an image does.
import { atExit } from '../runtime/exit.ts';

const given = (globalThis as Record<symbol, unknown>)[Symbol.for('jolt.codeCache')] as
  { state: 'used' | 'missing' | 'corrupt' | 'rejected'; save?: () => void } | undefined;

/** what became of the cache at this start (`JOLT_STATS=1` prints it): `none` when Jolt runs from src/ */
export const codeCacheState: string = given?.state ?? 'none';

let save = given?.save;
/** asks for the bundle's code cache to be written as this process ends, if it had none (once) */
export function saveCodeCacheAtExit(): void {
  if (!save) return;
  const s = save;
  save = undefined;
  atExit(s);
}
