// The interactive REPL: `julia>` prompt, multi-line input until the parser says the input is complete, history,
// `ans`, results shown with `display` (Julia's text/plain forms, cut to the terminal), a trailing `;` suppressing
// output, errors printed without exiting. Modes (modes.ts): `?` help, `;` shell, `]` pkg, each entered by its key at
// the start of an empty line and left by backspace on an empty line (pkg mode stays until then). Ctrl-C clears the line, Ctrl-D exits, tab
// completes names, fields and paths, Ctrl-R searches the history (history_search.ts).
import type { Interface } from 'node:readline';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, appendFileSync } from 'node:fs';
import { type Session, flushAll } from '../engine.ts';
import { isIncomplete } from '../syntax/parser.ts';
import { session as tl } from '../interpreter/toplevel.ts';
import { modes, modeByTrigger, registerMode, type ReplMode } from './modes.ts';
import { evalAndShow, callJulia, terminalSize } from './eval.ts';
import { complete } from './completion.ts';
import { HistorySearch } from './history_search.ts';
import { interruptFlag, ensureWatcher } from '../runtime/interrupt.ts';
import './help_mode.ts';
import './shell_mode.ts';
import './pkg_mode.ts';

export interface ReplOptions {
  /** the history file, or null for none (`--history-file=no`) */
  historyFile?: string | null;
  /** coloured prompts; by default when output is a terminal */
  color?: boolean;
  /** no banner (`-q`) */
  quiet?: boolean;
}

let entries = 0;

const julia: ReplMode = {
  name: 'julia',
  prompt: 'julia> ',
  color: '\x1b[32m\x1b[1m',
  complete: text => !isIncomplete(text),
  run: (s, text) => evalAndShow(s, text, `REPL[${++entries}]`, true),
};
registerMode(julia);

/** the readline internals the modes need: the line being edited, its redraw, and the key handler */
interface ReadlineInternals {
  line: string;
  cursor: number;
  history: string[];
  _refreshLine(): void;
  _ttyWrite(s: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean; sequence?: string }): void;
}

export async function startRepl(s: Session, opts: ReplOptions = {}): Promise<number> {
  tl.softscope = true; // REPL toplevel loops assign existing globals
  ensureWatcher(); // Ctrl-C interrupts an entry from its start
  ensureWatcher(); // Ctrl-C interrupts what an entry runs from its start
  const tty = !!process.stdout.isTTY && !!process.stdin.isTTY;
  const color = opts.color ?? tty;
  const historyFile = opts.historyFile === undefined ? join(homedir(), '.jolt_history') : opts.historyFile;
  const promptOf = (m: ReplMode): string => (color ? `${m.color}${m.prompt}\x1b[0m` : m.prompt);
  let history: string[] = [];
  if (historyFile) {
    try {
      history = readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
    } catch {
      /* no history yet */
    }
  }
  if (!opts.quiet && tty) process.stdout.write(banner());
  // the REPL's display: `display(x)` in code run here is cut to the terminal too
  const [rows, cols] = terminalSize();
  callJulia(s, () => [
    s.Base,
    'pushdisplay',
    [callJulia(s, () => [s.Base, 'REPLDisplay', [BigInt(rows), BigInt(cols)]])!],
  ]);

  let mode = julia;
  // (node:readline is loaded only here: a program run does without it)
  const rl: Interface = process.getBuiltinModule('node:readline').createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: promptOf(julia),
    history,
    terminal: tty,
    completer: (line: string) => complete(s, line),
  });
  const setMode = (m: ReplMode): void => {
    mode = m;
    rl.setPrompt(promptOf(m));
  };
  if (tty) {
    // a mode's key at the start of an empty line enters it; backspace on an empty line leaves it
    const internals = rl as unknown as ReadlineInternals;
    const ttyWrite = internals._ttyWrite.bind(rl);
    let search: HistorySearch | undefined;
    const showSearch = (h: HistorySearch): void => void process.stdout.write(`\r\x1b[K${h.render()}`);
    const endSearch = (line: string): void => {
      search = undefined;
      internals.line = line;
      internals.cursor = line.length;
      internals._refreshLine();
    };
    internals._ttyWrite = (str, key) => {
      if (key?.ctrl && key.name === 'r') {
        if (search) search.next();
        else search = new HistorySearch(internals.history, internals.line);
        showSearch(search);
        return;
      }
      if (search) {
        const h = search;
        if (key?.name === 'backspace') {
          h.backspace();
          showSearch(h);
          return;
        }
        if ((key?.ctrl && key.name === 'g') || key?.name === 'escape') return endSearch(h.saved);
        if (str !== undefined && str.length === 1 && str >= ' ' && !key?.ctrl && !key?.meta) {
          h.type(str);
          showSearch(h);
          return;
        }
        // any other key takes the match into the line, then does what it does (Enter runs it)
        endSearch(h.match ?? h.saved);
      }
      if (internals.line === '' && buf === '') {
        const m = mode === julia && str !== undefined ? modeByTrigger(str) : undefined;
        if (m) {
          setMode(m);
          internals._refreshLine();
          return;
        }
        if (mode !== julia && key?.name === 'backspace') {
          setMode(julia);
          internals._refreshLine();
          return;
        }
      }
      ttyWrite(str, key);
    };
    // Ctrl-C at the prompt: the line (and any unfinished entry) is dropped, as Julia does
    rl.on('SIGINT', () => {
      process.stdout.write('^C\n\n');
      buf = '';
      (rl as unknown as { line: string; cursor: number }).line = '';
      (rl as unknown as { cursor: number }).cursor = 0;
      setMode(mode);
      rl.prompt();
    });
  }
  let buf = '';
  let closed = false;
  rl.on('close', () => (closed = true));
  rl.prompt();
  for await (const line of rl) {
    let entryMode = mode;
    let text = buf ? buf + '\n' + line : line;
    if (!tty && buf === '') {
      // without a terminal, a line holding only a backspace character leaves a mode that stays (pkg mode)
      if (mode !== julia && /^[\b\x7f]$/.test(line)) {
        setMode(julia);
        rl.prompt();
        continue;
      }
      // and a line that starts with a mode's key runs in that mode (a mode that stays is entered)
      const m = mode === julia ? modeByTrigger(line.slice(0, 1)) : undefined;
      if (m) {
        entryMode = m;
        text = line.slice(1);
        if (m.sticky) {
          setMode(m);
          if (text.trim() === '') {
            rl.prompt();
            continue;
          }
        }
      }
    }
    if (entryMode.complete && !entryMode.complete(text)) {
      buf = text;
      if (tty) rl.setPrompt(' '.repeat(entryMode.prompt.length));
      rl.prompt();
      continue;
    }
    buf = '';
    if (text.trim() !== '') {
      if (historyFile) {
        try {
          const key = entryMode === julia ? '' : (entryMode.trigger ?? '');
          appendFileSync(historyFile, key + text.replace(/\n/g, ' ') + '\n');
        } catch {
          /* read-only home */
        }
      }
      // while it runs, Ctrl-C is the terminal's SIGINT (not a key readline reads), which interrupts it
      // (src/runtime/interrupt.ts); one sent while at the prompt is forgotten
      const raw = tty && process.stdin.isRaw;
      if (raw) process.stdin.setRawMode(false);
      Atomics.store(interruptFlag, 0, 0);
      try {
        entryMode.run(s, text);
      } finally {
        if (raw) process.stdin.setRawMode(true);
      }
    }
    flushAll();
    process.stdout.write('\n');
    setMode(mode.sticky ? mode : julia);
    if (closed) break;
    rl.prompt();
  }
  flushAll();
  return 0;
}

function banner(): string {
  return 'Jolt: a compiler for a subset of Julia. Type "?" for help, ";" for shell mode, Ctrl-D to exit.\n\n';
}

/** the modes there are (tests and help text) */
export const replModes = (): readonly ReplMode[] => modes;
