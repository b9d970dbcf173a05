// The REPL in a real pseudo-terminal (python3's pty module drives it: Node has no pty of its own): keys are sent as
// a user types them, and each step waits for what the terminal shows. Help, shell and pkg modes, tab completion
// (names and keyword arguments), Ctrl-R history search, pasted lines, and Ctrl-C during a computation, interpreted
// and compiled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const jolt = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'jolt.js');

/** Runs `argv` in a pty; for each step, writes `send` and reads until `expect` (a regex) matches what was shown
 *  after what the step before matched (a step that evaluates something waits for the next prompt: keys sent while
 *  code runs would meet the terminal's own line editing). Prints the whole transcript, then `STEP n TIMEOUT` if a
 *  step did not see its text. */
const DRIVER = `
import json, os, pty, re, select, sys, time
argv, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm'
    os.execv(argv[0], argv)
out = b''
pos = 0  # what the steps before matched ends here: a step looks at what comes after
def read_until(pat, limit):
    global out, pos
    end = time.time() + limit
    while True:
        m = re.search(pat.encode(), out[pos:])
        if m:
            pos += m.end()
            return True
        if time.time() >= end:
            return False
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return False
failed = None
for n, (send, expect, limit) in enumerate(steps):
    if send:
        os.write(fd, send.encode())
    if expect is None:
        time.sleep(limit)  # only wait
    elif expect and not read_until(expect, limit):
        failed = n
        break
sys.stdout.write(out.decode('utf-8', 'replace'))
if failed is not None:
    sys.stdout.write('\\nSTEP %d TIMEOUT' % failed)
os.kill(pid, 9)
`;

/** keys to send, then the text to wait for ('' not to wait, null to wait `seconds` whatever comes) */
type Step = [send: string, expect: string | null, seconds?: number];
function inPty(args: string[], steps: Step[], env: Record<string, string> = {}): string {
  const r = spawnSync(
    'python3',
    [
      '-c',
      DRIVER,
      JSON.stringify([process.execPath, jolt, ...args]),
      JSON.stringify(steps.map(([s, e, t]) => [s, e, t ?? 30])),
    ],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
// the terminal shows colours and redraws: compare what is left once escape sequences are gone
const plain = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

const PROMPT = 'julia> ';

test('in a terminal: help, shell and pkg modes, tab completion of names and keywords, Ctrl-R history search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jolt-pty-'));
  try {
    // the history file is in HOME (~/.jolt_history)
    writeFileSync(join(dir, '.jolt_history'), 'println(40 + 2)\nx = 7\n');
    const out = inPty(
      ['--startup-file=no', '-q'],
      [
        ['', PROMPT],
        ['?', 'help\\?> '],
        ['sum\r', 'The sum of the elements[\\s\\S]*julia> '],
        [';', 'shell> '],
        ['echo from-the-shell\r', 'from-the-shell[\\s\\S]*julia> '],
        [']', 'pkg> '],
        ['\x7f', PROMPT],
        ['kwdemo(x; alpha = 1, beta = 2) = x + alpha + beta\r', 'kwdemo \\(generic function[\\s\\S]*julia> '],
        ['kwdemo(1; al\t', 'alpha='],
        ['5)\r', '\\n8\\r*\\n[\\s\\S]*julia> '],
        ['printl\t', 'println'],
        ['("tab", 1)\r', 'tab1[\\s\\S]*julia> '],
        // several lines pasted at once run in order, a multi-line definition among them
        ['pa = 1\rfunction pf(x)\r    x * 10\rend\rprintln(pf(pa + 1))\r', '[^0-9]20\\r*\\n[\\s\\S]*julia> '],
        ['\x12', 'reverse-i-search'],
        ['40', 'println\\(40 \\+ 2\\)'],
        ['\r', '\\n42\\r*\\n[\\s\\S]*julia> '],
        ['\x04', ''],
      ],
      { HOME: dir },
    );
    assert.doesNotMatch(out, /STEP \d+ TIMEOUT/, plain(out));
    const text = plain(out);
    assert.match(text, /reverse-i-search\)`40': println\(40 \+ 2\)/);
    assert.match(text, /\n42\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const tier of ['--compile=no', '--compile=all'])
  test(`in a terminal: Ctrl-C interrupts a running loop (${tier}) and the REPL goes on`, () => {
    const out = inPty(
      ['--history-file=no', '--startup-file=no', '-q', tier],
      [
        ['', PROMPT],
        ['while true end\r', 'while true end\\r*\\n', 10],
        ['', null, 1.5], // let it run
        ['\x03', 'InterruptException[\\s\\S]*julia> '],
        ['1 + 1\r', '\\n2\\r*\\n'],
        ['\x04', ''],
      ],
    );
    assert.doesNotMatch(out, /STEP \d+ TIMEOUT/, plain(out));
  });
