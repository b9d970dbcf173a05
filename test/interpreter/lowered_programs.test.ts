// Differential run: every program again with `--compile=no`, where calls run their lowered code in the
// interpreter (the reference semantics). The default mode runs inferred, optimized code; both must print what
// Julia prints, so a divergence is a bug in inference, the optimizer or the compiled tier.
import { programTests } from '../program_harness.ts';

programTests('lowered', ['--compile=no']);
