// Differential run: every program again with `--compile=typed`, where each call runs its inferred, optimized code.
// Any divergence from the expected output is a bug in inference or the optimizer.
import { programTests } from '../program_harness.ts';

programTests('typed', ['--compile=typed']);
