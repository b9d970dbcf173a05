// Runs `jolt` as a real process for the image tests (startup.test.ts, sysimage.test.ts): on a depot of the test's
// own, with none of the test runner's JOLT_ settings, to its end.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagePath, contentKey } from '../../src/image/depot.ts';

/** the environment of every jolt process: the test runner's, without any JOLT_ setting (each run sets its own) */
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JOLT_')));

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** `bin args...` (a jolt launcher) on `depot`, with `env` added, in `cwd` */
export function runJolt(
  bin: string,
  args: string[],
  opts: { depot: string; env?: Record<string, string>; cwd?: string; nodeArgs?: string[] },
): Promise<Run> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), bin, ...args], {
    cwd: opts.cwd,
    env: { ...baseEnv, ...opts.env, JOLT_DEPOT_PATH: opts.depot },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', status => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

/** the work counters of a JOLT_STATS=1 run, whose stderr must be nothing but the stats lines; the start-up steps
 *  must be there, in order */
export function joltStats(r: Run): Record<string, number> {
  const m =
    /^jolt stats: (\{.*\})\njolt start-up ms: (\{.*\})\njolt node modules: .*\njolt memory: .*\njolt code cache: .*\n$/.exec(
      r.stderr,
    );
  if (!m) throw new Error(`stderr is only the stats lines: ${r.stderr}`);
  const steps = JSON.parse(m[2]!) as Record<string, number>;
  const times = Object.values(steps);
  if (!('loaded' in steps) || !('exit' in steps) || times.some((t, i) => i > 0 && t < times[i - 1]!))
    throw new Error(`start-up steps out of order: ${m[2]}`);
  return JSON.parse(m[1]!) as Record<string, number>;
}

/** the public Node modules a JOLT_STATS=1 run loaded */
export function joltNodeModules(r: Run): string[] {
  return (/^jolt node modules: (.*)$/m.exec(r.stderr)?.[1] ?? '').split(' ').filter(Boolean);
}

/** what became of the bundle's code cache in a JOLT_STATS=1 run (bin/sources.js): used, missing, corrupt,
 *  rejected, or none (Jolt ran from src/) */
export function joltCodeCache(r: Run): string {
  return /^jolt code cache: (.*)$/m.exec(r.stderr)?.[1] ?? '';
}

/** the heap's and the machine's sizes a JOLT_STATS=1 run reported (src/runtime/memory.ts, memorySizes) */
export function joltMemory(r: Run): { heapLimitMB: number; oldLimitMB: number; machineMB: number } {
  const m = /^jolt memory: (.*)$/m.exec(r.stderr);
  if (!m) throw new Error(`no memory line in: ${r.stderr}`);
  return JSON.parse(m[1]!) as { heapLimitMB: number; oldLimitMB: number; machineMB: number };
}

/** gives a test's fresh depot the runner's Base image, when the runner has one (else the first run builds it) */
export function copyBaseImage(depot: string): void {
  const image = baseImagePath(contentKey());
  if (!existsSync(image)) return;
  mkdirSync(join(depot, 'images'), { recursive: true });
  copyFileSync(image, baseImagePath(contentKey(), depot));
}

/** A copy of this install (with node_modules linked) whose bundle is built, in a temp folder removed after the test
 *  `t`; fails the test if the bundle cannot be built. */
export function bundledCopy(t: { after(fn: () => void): void }, prefix: string): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['package.json', 'bin', 'src', 'base', 'stdlib', 'scripts'])
    cpSync(join(root, f), join(dir, f), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, [join(dir, 'scripts', 'bundle.js')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the bundle was not built: ${built.stderr}`);
  return dir;
}
