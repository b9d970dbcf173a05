// The worker thread that bin/jolt.js starts when Node was not given a deep enough stack: Jolt itself.
import * as nodeModule from 'node:module';
import { joltEntry } from './sources.js';

nodeModule.enableCompileCache?.();
await import(joltEntry());
