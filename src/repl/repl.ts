// The interactive REPL: `julia>` prompt, multi-line input until the parser says the input is complete, history,
// `ans`, results shown with `show`, a trailing `;` suppressing output, errors printed without exiting. `]` at the
// start of a line enters the package mode (`(@v0.1) pkg>`, src/pkg/commands.ts) until backspace on an empty line
// (or, with input that is not a terminal, a line holding only a backspace character).
import { createInterface } from 'node:readline';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, appendFileSync } from 'node:fs';
import { type Session, reportError, flushAll } from '../engine.ts';
import { parseAll, isIncomplete, ParseError } from '../syntax/parser.ts';
import { evalToplevel, session as tl } from '../interpreter/toplevel.ts';
import { callFunction } from '../interpreter/interpret.ts';
import { getGlobal, state } from '../runtime/modules.ts';
import { JoltThrow, Sym, T, LineNumberNode, type Value } from '../runtime/values.ts';
import { bindConst } from '../runtime/bootstrap.ts';
import { world } from '../runtime/methods.ts';
import { pkgPrompt, runPkgCommand } from '../pkg/commands.ts';

const historyFile = join(homedir(), '.jolt_history');

export async function startRepl(s: Session): Promise<number> {
  tl.softscope = true; // REPL toplevel loops assign existing globals
  const tty = !!process.stdout.isTTY;
  const prompt = tty ? '\x1b[32m\x1b[1mjulia> \x1b[0m' : 'julia> ';
  let history: string[] = [];
  try {
    history = readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
  } catch {
    /* no history yet */
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt, history, terminal: tty });
  let buf = '';
  let n = 0;
  let pkgMode = false;
  const pkgPromptText = (): string => (tty ? `\x1b[34m\x1b[1m${pkgPrompt()}\x1b[0m` : pkgPrompt());
  const setMode = (on: boolean): void => {
    pkgMode = on;
    rl.setPrompt(on ? pkgPromptText() : prompt);
  };
  if (tty)
    process.stdin.on('keypress', (_s: string | undefined, key: { name?: string } | undefined) => {
      // `]` on an empty line switches at once (it is not kept in the line); backspace on an empty line leaves
      if (!pkgMode && key?.name === undefined && _s === ']' && rl.line === ']' && buf === '') {
        (rl as unknown as { line: string; cursor: number }).line = '';
        (rl as unknown as { cursor: number }).cursor = 0;
        setMode(true);
        rl.prompt();
      } else if (pkgMode && key?.name === 'backspace' && rl.line === '') {
        setMode(false);
        rl.prompt();
      }
    });
  rl.prompt();
  for await (const raw of rl) {
    let line = raw;
    if (!pkgMode && buf === '' && line.startsWith(']')) {
      setMode(true);
      line = line.slice(1);
      if (line.trim() === '') {
        rl.prompt();
        continue;
      }
    }
    if (pkgMode) {
      if (/^[\b\x7f]$/.test(line)) setMode(false);
      else {
        const r = runPkgCommand(line);
        flushAll();
        if (r.help) process.stdout.write(r.help);
        if (r.error) process.stderr.write(`ERROR: ${r.error}\n`);
        if (line.trim() !== '') process.stdout.write('\n');
        setMode(true);
      }
      rl.prompt();
      continue;
    }
    buf = buf ? buf + '\n' + line : line;
    if (isIncomplete(buf)) {
      if (tty) rl.setPrompt('       ');
      rl.prompt();
      continue;
    }
    const text = buf;
    buf = '';
    rl.setPrompt(prompt);
    if (text.trim() !== '') {
      try {
        appendFileSync(historyFile, text.replace(/\n/g, ' ') + '\n');
      } catch {
        /* read-only home */
      }
      evalInput(s, text, `REPL[${++n}]`);
    }
    flushAll();
    process.stdout.write('\n');
    rl.prompt();
  }
  flushAll();
  return 0;
}

function evalInput(s: Session, text: string, file: string): void {
  try {
    const ast = parseAll(text, file);
    let v: Value = T.Nothing!.instance!;
    tl.currentFile = file;
    tl.currentModule = s.Main;
    for (const a of ast.args) {
      if (a instanceof LineNumberNode) tl.currentLine = a.line;
      v = evalToplevel(a, s.Main, file);
    }
    bindConst(s.Main, 'ans', v);
    const b = s.Main.bindings.get(Sym.of('ans'))!;
    b.constant = false;
    if (v !== T.Nothing!.instance && !/;\s*(#.*)?$/.test(text.trim())) {
      state.world = world.current;
      callFunction(getGlobal(s.Base, Sym.of('show')), [getGlobal(s.Base, Sym.of('stdout')), v]);
      callFunction(getGlobal(s.Base, Sym.of('println')), []);
    }
  } catch (e) {
    if (e instanceof ParseError) {
      flushAll();
      process.stderr.write(e.display() + '\n');
      return;
    }
    if (e instanceof JoltThrow) {
      reportError(s, e, { loadError: false });
      return;
    }
    flushAll();
    process.stderr.write(`ERROR: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  }
}
