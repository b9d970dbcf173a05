// Golden printouts of the WebAssembly text codegen makes, before binaryen optimizes it: each
// test/codegen/golden/NAME.jl prints `@code_wasm optimize=false` for a set of small functions; the output must
// equal NAME.out. When a change to codegen changes a printout on purpose, regenerate with
// `UPDATE_GOLDEN=1 node --test test/codegen/wasm_golden.test.ts` and review the diff.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenTests } from '../golden_harness.ts';

goldenTests('wasm golden', join(dirname(fileURLToPath(import.meta.url)), 'golden'));
