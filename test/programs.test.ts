// Every program in test/programs/ in the default mode (plus any flags given in JOLT_FLAGS).
import { programTests } from './program_harness.ts';

programTests('program', (process.env.JOLT_FLAGS ?? '').split(' ').filter(Boolean));
