// The host's failures and streams, end-to-end through real `jolt` processes: a closed pipe, a full disk, standard
// input and a program read from it, in the interpreter and compiled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');
const MODES = ['--compile=no', '--compile=all'];
/** `sh -c script` ($JOLT: the jolt command), so that the test can use the shell's pipes and redirections */
const sh = (script: string, input?: string) =>
  spawnSync('/bin/sh', ['-c', script.replaceAll('$JOLT', '"$NODE" "$JOLT_JS"')], {
    encoding: 'utf8',
    input,
    timeout: 120_000,
    env: { ...process.env, NODE: process.execPath, JOLT_JS: jolt },
  });

for (const mode of MODES) {
  test(`a closed pipe on stdout ends the program quietly (${mode})`, () => {
    const r = sh(`$JOLT ${mode} -e 'for i in 1:10^6 println(i) end' 2>err.txt | head -1; cat err.txt; rm err.txt`);
    assert.equal(r.stdout, '1\n');
  });

  test(`a full disk is an IOError the program can catch (${mode})`, { skip: !existsSync('/dev/full') }, () => {
    const prog =
      'try; for i in 1:10^5; println(i); end; flush(stdout); catch e; println(stderr, "caught ", e); end; exit(3)';
    const r = sh(`$JOLT ${mode} -e '${prog}' >/dev/full`);
    assert.equal(r.stderr, 'caught IOError("write: no space left on device (ENOSPC)", -28)\n');
    assert.equal(r.status, 3);
    // uncaught: Julia's error report, status 1
    const u = sh(`$JOLT ${mode} -e 'println("x")' >/dev/full`);
    assert.ok(u.stderr.startsWith('ERROR: IOError: write: no space left on device (ENOSPC)'), u.stderr);
    assert.equal(u.status, 1);
  });

  test(`standard input: readline, readlines, eachline, read and devnull (${mode})`, () => {
    const prog =
      'println(repr(readline())); for l in eachline(stdin) println(uppercase(l)); l == "c" && break; end; ' +
      'println(readlines()); println(devnull, "gone"); println(repr(read(stdin, String)), " ", eof(stdin))';
    const r = sh(`$JOLT ${mode} -e '${prog}'`, 'a\nb\r\nc\nd\ne\n');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '"a"\nB\nC\n["d", "e"]\n"" true\n');
  });

  test(`jolt - runs the program read from stdin (${mode})`, () => {
    const r = sh(`$JOLT ${mode} -`, 'println(1 + 1)\nerror("boom")\n');
    assert.equal(r.stdout, '2\n');
    assert.ok(r.stderr.startsWith('ERROR: LoadError: boom'), r.stderr);
    assert.ok(r.stderr.includes('in expression starting at stdin:2'), r.stderr);
    assert.equal(r.status, 1);
  });
}

// Once binaryen's worker has started, the process ends without waiting for it to stop (src/runtime/exit.ts): the
// status and every line of output are kept, from the main thread and from the launcher's worker.
for (const stack of ['', '--stack-size=7000 '])
  test(`an exit after compiling keeps its status and output (${stack ? 'main thread' : 'worker'})`, () => {
    const prog = 'f(n) = (s = 0; for i in 1:n; s += i; end; s); println(f(10)); print("no newline"); exit(3)';
    const r = sh(`"$NODE" ${stack}"\${JOLT_JS}" --compile=yes -e '${prog}'`);
    assert.equal(r.stdout, '55\nno newline', r.stderr);
    assert.equal(r.status, 3);
    const e = sh(`"$NODE" ${stack}"\${JOLT_JS}" --compile=all -e 'println(sum(i for i in 1:3)); error("boom")'`);
    assert.equal(e.stdout, '6\n');
    assert.ok(e.stderr.startsWith('ERROR: boom'), e.stderr);
    assert.equal(e.status, 1);
  });

// What the CLI prints as the process ends (here JOLT_STORE_STATS's line) is printed by such an exit too, also from
// the worker, whose 'exit' event the launcher's thread could otherwise cut short.
for (const stack of ['', '--stack-size=7000 '])
  test(`an exit after compiling still prints the exit reports (${stack ? 'main thread' : 'worker'})`, () => {
    const prog = 'f(n) = (s = 0; for i in 1:n; s += i; end; s); println(f(10)); exit(3)';
    for (let k = 0; k < 3; k++) {
      const r = sh(`JOLT_STORE_STATS=1 "$NODE" ${stack}"\${JOLT_JS}" --compile=all -e '${prog}'`);
      assert.equal(r.stdout, '55\n');
      assert.match(r.stderr, /^jolt store: \{/m);
      assert.equal(r.status, 3);
    }
  });
