// What the native-tier tests share: the CLI for whole programs, and an in-process session that compiles every
// method at its first call (synchronously, so a test sees compiled code right away).
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../../src/engine.ts';
import { Sym, type Value } from '../../src/runtime/values.ts';
import { enableTypedTier } from '../../src/inference/execute.ts';
import { enableNativeTier } from '../../src/codegen/jit.ts';

// the jolt processes these tests start check the IR after every optimizer pass
process.env.JOLT_VERIFY_IR = '1';

export const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
/** a program run by the CLI (`-e`), its standard output */
export const run = (code: string, flags: string[] = []): string =>
  execFileSync(process.execPath, [jolt, ...flags, '-e', code], { encoding: 'utf8' });

export const s = createSession();
enableTypedTier();
enableNativeTier(true);
/** a global of Main */
export const get = (name: string): Value => s.Main.bindings.get(Sym.of(name))!.value!;
