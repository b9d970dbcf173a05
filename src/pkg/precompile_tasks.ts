// Precompiles packages in parallel, each in a `jolt` process of its own, a package as soon as the packages it
// depends on are done: what Pkg.precompile() runs (src/pkg/loading.ts) when a project has several packages to
// precompile. A program of its own, since the Jolt session that asks for it runs synchronously and can wait for
// one process only. It reads a Plan (JSON) on stdin, writes a line per package to stderr as each finishes
// (Julia's `  ✓ Name`), and writes the Result (JSON) to stdout. It imports nothing of Jolt's.
import { spawn } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';

export interface PrecompileTask {
  /** the package's folder: what other tasks name it by */
  id: string;
  name: string;
  /** the tasks that must finish first */
  deps: string[];
  /** the environment variables that tell the `jolt` process which package to load */
  env: Record<string, string>;
}
export interface Plan {
  node: string;
  args: string[];
  cwd: string;
  /** how many processes at once */
  limit: number;
  tasks: PrecompileTask[];
}
export interface Result {
  done: string[];
  failed: { name: string; output: string }[];
  /** not started: a package they depend on failed */
  skipped: string[];
}

function run(plan: Plan): Promise<Result> {
  const result: Result = { done: [], failed: [], skipped: [] };
  const waiting = new Map(plan.tasks.map(t => [t.id, t]));
  const finished = new Set<string>();
  const broken = new Set<string>();
  let running = 0;
  return new Promise(resolveAll => {
    const next = (): void => {
      for (const t of [...waiting.values()]) {
        if (t.deps.some(d => broken.has(d))) {
          waiting.delete(t.id);
          broken.add(t.id);
          result.skipped.push(t.name);
          continue;
        }
        if (running >= plan.limit || !t.deps.every(d => finished.has(d))) continue;
        waiting.delete(t.id);
        running++;
        start(t);
      }
      if (running > 0) return;
      for (const t of waiting.values()) result.skipped.push(t.name);
      resolveAll(result);
    };
    const start = (t: PrecompileTask): void => {
      const child = spawn(plan.node, plan.args, {
        cwd: plan.cwd,
        env: { ...process.env, ...t.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (b: Buffer) => void (output += b.toString()));
      child.stderr.on('data', (b: Buffer) => void (output += b.toString()));
      child.on('close', status => {
        running--;
        if (status === 0) {
          finished.add(t.id);
          result.done.push(t.name);
          writeSync(2, `  \u2713 ${t.name}\n`);
        } else {
          broken.add(t.id);
          result.failed.push({ name: t.name, output });
          writeSync(2, `  \u2717 ${t.name}\n`);
        }
        next();
      });
    };
    next();
  });
}

const plan = JSON.parse(readFileSync(0, 'utf8')) as Plan;
const result = await run(plan);
writeSync(1, JSON.stringify(result));
