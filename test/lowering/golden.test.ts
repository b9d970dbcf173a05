// Golden printouts of lowered IR: each test/lowering/golden/NAME.jl prints `@code_lowered` for a set of small
// functions; the output must equal NAME.out. When a change to lowering changes a printout on purpose, regenerate
// with `UPDATE_GOLDEN=1 node --test test/lowering/golden.test.ts` and review the diff.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenTests } from '../golden_harness.ts';

goldenTests('lowered IR golden', join(dirname(fileURLToPath(import.meta.url)), 'golden'));
