// Golden printouts of typed IR: each test/inference/golden/NAME.jl prints `@code_typed` / `@code_warntype` for a set
// of functions; the output must equal NAME.out. When a change to inference or the optimizer changes a printout on
// purpose, regenerate with `UPDATE_GOLDEN=1 node --test test/inference/golden.test.ts` and review the diff.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenTests } from '../golden_harness.ts';

goldenTests('typed IR golden', join(dirname(fileURLToPath(import.meta.url)), 'golden'));
