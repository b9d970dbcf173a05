// Running Julia code from the REPL: errors are reported as Julia prints them and never end the session.
import { type Session, reportError, flushAll } from '../engine.ts';
import { parseAll, ParseError } from '../syntax/parser.ts';
import { evalToplevel, session as tl } from '../interpreter/toplevel.ts';
import { callFunction } from '../interpreter/interpret.ts';
import { getGlobal, state } from '../runtime/modules.ts';
import { JoltThrow, Sym, T, LineNumberNode, type Value, type Module } from '../runtime/values.ts';
import { bindConst } from '../runtime/bootstrap.ts';
import { world } from '../runtime/methods.ts';

/** runs `body`, printing a Julia error (or a parse error) instead of throwing; true when it succeeded */
export function guarded(s: Session, body: () => void): boolean {
  try {
    body();
    return true;
  } catch (e) {
    if (e instanceof ParseError) {
      flushAll();
      process.stderr.write(e.display() + '\n');
      return false;
    }
    if (e instanceof JoltThrow) {
      reportError(s, e, { loadError: false });
      return false;
    }
    flushAll();
    process.stderr.write(`ERROR: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return false;
  }
}

/** calls the function `name` of a module with arguments, at the latest world */
export function callJulia(s: Session, what: () => [Module, string, Value[]]): Value | undefined {
  let out: Value | undefined;
  guarded(s, () => {
    const [m, name, args] = what();
    state.world = world.current;
    out = callFunction(getGlobal(m, Sym.of(name)), args);
  });
  return out;
}

/** the size of the terminal, or Julia's 24×80 when output is no terminal */
export function terminalSize(): [number, number] {
  const out = process.stdout;
  return out.isTTY ? [out.rows || 24, out.columns || 80] : [24, 80];
}

/** evaluates one entry in Main, binds `ans` and shows the result with `display` (not `nothing`, nor after a
 *  trailing `;`) */
export function evalAndShow(s: Session, text: string, file: string, show: boolean): void {
  guarded(s, () => {
    const ast = parseAll(text, file);
    let v: Value = T.Nothing!.instance!;
    tl.currentFile = file;
    tl.currentModule = s.Main;
    for (const a of ast.args) {
      if (a instanceof LineNumberNode) tl.currentLine = a.line;
      v = evalToplevel(a, s.Main, file);
    }
    bindConst(s.Main, 'ans', v);
    s.Main.bindings.get(Sym.of('ans'))!.constant = false;
    if (show && v !== T.Nothing!.instance && !/;\s*(#.*)?$/.test(text.trim())) {
      state.world = world.current;
      const [rows, cols] = terminalSize();
      const d = callFunction(getGlobal(s.Base, Sym.of('REPLDisplay')), [BigInt(rows), BigInt(cols)]);
      callFunction(getGlobal(s.Base, Sym.of('display')), [d, v]);
    }
  });
}
