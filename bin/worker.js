// The worker thread that bin/jolt.js starts when Node was not given a deep enough stack: Jolt itself.
import { builtin, joltEntry } from './sources.js';

(await builtin('node:module')).enableCompileCache?.();
await import(joltEntry());
