// Differential run: every program with `--compile=all`, where methods are compiled to wasm as soon as the policy
// asks (second call, or first call of code with a loop) and the program waits for it, so the compiled code is
// what runs. It must print exactly what the interpreter prints.
import { programTests } from '../program_harness.ts';

programTests('compiled', ['--compile=all']);
