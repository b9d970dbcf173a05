// Links node_modules/.bin/jolt to this checkout's launcher, so tools that expect an installed `jolt` find it.
import { symlinkSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
mkdirSync(bin, { recursive: true });
rmSync(join(bin, 'jolt'), { force: true });
symlinkSync(join('..', '..', 'bin', 'jolt.js'), join(bin, 'jolt'));
