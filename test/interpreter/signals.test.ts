// Signals sent to real `jolt` processes: SIGINT raises InterruptException in the running program (interpreted and
// compiled, on the launcher's worker thread and on the main thread), a script ends at SIGINT with status 130 as
// Julia's does, the REPL returns to its prompt, and SIGTERM ends the process that runs the program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
// `node bin/jolt.js` runs the program on a worker thread; with --stack-size (what the #! line gives) on the main
// thread, where another thread must see the signal
const LAUNCHERS: [string, string[]][] = [
  ['worker', [jolt]],
  ['main thread', ['--stack-size=7000', jolt]],
];
const MODES = ['--compile=no', '--compile=all'];

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** resolves once stdout holds `text` */
  waitFor: (text: string) => Promise<void>;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}
function start(args: string[]): Run {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '',
    err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.on('data', d => {
    out += d;
    for (const w of waiters.splice(0))
      if (out.includes(w.text)) w.resolve();
      else waiters.push(w);
  });
  child.stderr!.on('data', d => (err += d));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.on('exit', (status, signal) => resolve({ status, signal })),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  void done.then(() => clearTimeout(timer));
  return {
    child,
    out: () => out,
    err: () => err,
    waitFor: text =>
      new Promise((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(() => reject(new Error(`ended before printing ${text}: ${out} ${err}`)));
      }),
    done,
  };
}
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
/** On the main thread: waits until process `pid` has its SIGINT watcher thread (named `jolt-sigint`, started when
 *  the program starts; before it is up, SIGINT ends the process as Node's default). Then a little more, for the
 *  watcher's boot and the program's loop. */
async function settle(pid: number | undefined, watcher: boolean): Promise<void> {
  const hasWatcher = (): boolean =>
    readdirSync(`/proc/${pid}/task`).some(t => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').trim() === 'jolt-sigint';
      } catch {
        return false; // a thread that ended
      }
    });
  for (let k = 0; k < 600 && watcher && existsSync('/proc/self/task') && !hasWatcher(); k++) await sleep(50);
  await sleep(300);
}

/** the one child process of `pid` (the second Node the launcher starts for the REPL) */
function childOf(pid: number): number {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  assert.equal(children.length, 1);
  return children[0]!;
}

for (const [where, launcher] of LAUNCHERS)
  for (const mode of MODES) {
    test(`SIGINT raises InterruptException, caught or reported (${where}, ${mode})`, async () => {
      // a loop in a function (compiled under --compile=all), then one at the toplevel, then sleep
      const prog =
        'function spin(); i = 0; while true; i += 1; end; end\n' +
        'try; println("one"); flush(stdout); spin(); catch e; println("caught ", e); end\n' +
        'try; println("two"); flush(stdout); sleep(600); catch e; println("woke ", e); end\n' +
        'print("kept "); println("three"); flush(stdout); while true; end';
      const r = start([...launcher, mode, '-e', prog]);
      for (const marker of ['one', 'two', 'three']) {
        await r.waitFor(marker);
        await settle(r.child.pid, where === 'main thread');
        r.child.kill('SIGINT');
      }
      const { status } = await r.done;
      assert.equal(r.out(), 'one\ncaught InterruptException()\ntwo\nwoke InterruptException()\nkept three\n');
      assert.ok(r.err().startsWith('ERROR: InterruptException:\nStacktrace:\n'), r.err());
      assert.equal(status, 1);
    });
  }

const dir = mkdtempSync(join(tmpdir(), 'jolt-signals-'));
for (const [where, launcher] of LAUNCHERS) {
  test(`a script ends at SIGINT with status 130, keeping its output; exit_on_sigint(false) (${where})`, async () => {
    const file = join(dir, 'script.jl');
    writeFileSync(file, 'print("partial "); println("line"); flush(stdout); print("buffered")\nwhile true; end\n');
    const r = start([...launcher, '--compile=no', file]);
    await r.waitFor('line');
    await settle(r.child.pid, where === 'main thread');
    r.child.kill('SIGINT');
    const { status } = await r.done;
    assert.equal(status, 130);
    assert.equal(r.out(), 'partial line\nbuffered');
    assert.match(r.err(), /signal 2: Interrupt\nin expression starting at .*script\.jl:2\n/);

    const catching = join(dir, 'catching.jl');
    writeFileSync(
      catching,
      'Base.exit_on_sigint(false)\ntry; println("go"); flush(stdout); while true; end\ncatch e; println(e); end\n',
    );
    const c = start([...launcher, '--compile=all', catching]);
    await c.waitFor('go');
    await settle(c.child.pid, where === 'main thread');
    c.child.kill('SIGINT');
    assert.equal((await c.done).status, 0);
    assert.equal(c.out(), 'go\nInterruptException()\n');
  });

  test(`SIGTERM ends the process running the program (${where})`, async () => {
    const r = start([...launcher, '-e', 'println("go"); flush(stdout); while true; end']);
    await r.waitFor('go');
    r.child.kill('SIGTERM');
    assert.equal((await r.done).signal, 'SIGTERM');
  });
}

test('the REPL: SIGINT interrupts a computation and returns to the prompt', async () => {
  // `node bin/jolt.js` with no program runs the REPL in a second Node, to which the signal is passed on
  const r = start([jolt, '--history-file=no', '--startup-file=no', '-q']);
  r.child.stdin!.write('println("spinning"); flush(stdout); while true end\n');
  await r.waitFor('spinning');
  await settle(childOf(r.child.pid!), true);
  r.child.kill('SIGINT');
  r.child.stdin!.end('println(40 + 2)\n');
  const { status } = await r.done;
  assert.equal(status, 0);
  assert.match(r.err(), /ERROR: InterruptException:/);
  assert.match(r.out(), /42\n/);
});

test('SIGTERM sent to the launcher of a REPL ends the REPL too', async () => {
  const r = start([jolt, '--history-file=no', '--startup-file=no', '-q']);
  r.child.stdin!.write('println("ready"); flush(stdout)\n');
  await r.waitFor('ready');
  const repl = childOf(r.child.pid!);
  r.child.kill('SIGTERM');
  assert.equal((await r.done).signal, 'SIGTERM');
  await sleep(200);
  assert.throws(() => process.kill(repl, 0), /ESRCH/, 'the REPL process is gone');
});

test('the SIGINT watcher thread starts once the program has run a while, or waits', () => {
  const times = (args: string[], code: string): Record<string, number> => {
    const r = spawnSync(process.execPath, [...args, '-e', code], {
      encoding: 'utf8',
      env: { ...process.env, JOLT_STATS: '1' },
    });
    assert.match(r.stdout, /^\d+\n$/);
    return JSON.parse(/^jolt start-up ms: (.*)$/m.exec(r.stderr)![1]!) as Record<string, number>;
  };
  const main = ['--stack-size=7000', jolt];
  // a run of a few milliseconds ends before it would start
  assert.equal(times(main, 'println(1)').watcher, undefined);
  // a loop that runs for a while (interpreted: ~0.1-1 s), and a sleep, start it
  const loop = times(
    [...main, '--compile=no'],
    'function f(n); s = 0; for i in 1:n; s += i; end; s; end; println(f(50_000))',
  );
  assert.ok(loop.watcher! >= loop.decode!, JSON.stringify(loop));
  assert.notEqual(times(main, 'sleep(0.001); println(2)').watcher, undefined);
  // on the launcher's worker, the launcher's own thread sees SIGINT: no watcher
  assert.equal(
    times([jolt, '--compile=no'], 'function f(n); s = 0; for i in 1:n; s += i; end; s; end; println(f(50_000))')
      .watcher,
    undefined,
  );
});
