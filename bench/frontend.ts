// Front-end throughput: lines per second of parsing, and of lowering, every file of base/.
// Prints `frontend=parse ...` and `frontend=lower ...` lines (key=value, read by bench/run.ts); a stage that is
// missing or throws prints `frontend=<stage> fails: <message>` instead of crashing, so the suite still runs.
// Usage: node bench/frontend.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const firstLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!;

/** Minimum wall time in seconds of `reps` runs of f. */
function best(f: () => void, reps = 5): number {
  let m = Infinity;
  for (let k = 0; k < reps; k++) {
    const t0 = process.hrtime.bigint();
    f();
    m = Math.min(m, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return m;
}

function report(stage: string, fields: Record<string, string | number>): void {
  console.log(
    `frontend=${stage} ` +
      Object.entries(fields)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
  );
}

async function main(): Promise<void> {
  const dir = join(root, 'base');
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.jl'))
    .sort()
    .map(f => join(dir, f));
  const texts = files.map(f => readFileSync(f, 'utf8'));
  const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);

  // ---- parsing
  let parser: typeof import('../src/syntax/parser.ts');
  try {
    parser = await import('../src/syntax/parser.ts');
  } catch (e) {
    console.log(`frontend=parse fails: cannot load src/syntax/parser.ts: ${firstLine(e)}`);
    return;
  }
  if (typeof parser.parseAll !== 'function') {
    console.log('frontend=parse fails: src/syntax/parser.ts has no parseAll');
    return;
  }
  let asts: ReturnType<typeof parser.parseAll>[];
  try {
    asts = texts.map((t, i) => parser.parseAll(t, files[i]!));
  } catch (e) {
    console.log(`frontend=parse fails: ${firstLine(e)}`);
    return;
  }
  const tParse = best(() => {
    texts.forEach((t, i) => parser.parseAll(t, files[i]!));
  });
  report('parse', {
    files: files.length,
    lines,
    time_ms: (tParse * 1e3).toFixed(1),
    lines_per_s: Math.round(lines / tParse),
  });

  // ---- lowering: each toplevel statement of base/, macro-expanded first (expansion is not timed) inside Base as
  // loaded by a session; statements whose expansion or lowering throws are counted and skipped.
  let lowering: typeof import('../src/lowering/lower.ts');
  let engine: typeof import('../src/engine.ts');
  let toplevel: typeof import('../src/interpreter/toplevel.ts');
  let values: typeof import('../src/runtime/values.ts');
  try {
    lowering = await import('../src/lowering/lower.ts');
    engine = await import('../src/engine.ts');
    toplevel = await import('../src/interpreter/toplevel.ts');
    values = await import('../src/runtime/values.ts');
  } catch (e) {
    console.log(`frontend=lower fails: cannot load the lowering/engine modules: ${firstLine(e)}`);
    return;
  }
  if (typeof lowering.Lowerer !== 'function') {
    console.log('frontend=lower fails: src/lowering/lower.ts has no Lowerer');
    return;
  }
  let session: ReturnType<typeof engine.createSession>;
  try {
    session = engine.createSession();
  } catch (e) {
    console.log(`frontend=lower fails: createSession: ${firstLine(e)}`);
    return;
  }
  const { Expr, LineNumberNode } = values;
  const skipHeads = new Set(['module', 'using', 'import', 'export', 'public']);
  type Stmt = { ex: Parameters<typeof toplevel.macroexpand>[0]; line: number; file: string; span: number };
  const stmts: Stmt[] = [];
  let total = 0,
    failed = 0,
    firstError = '';
  asts.forEach((ast, fi) => {
    const text = texts[fi]!,
      nlines = text.split('\n').length;
    // the line span of a statement runs to the next statement's LineNumberNode (or the end of the file)
    const items: { ex: Stmt['ex']; line: number }[] = [];
    let line = 0;
    for (const x of ast.args) {
      if (x instanceof LineNumberNode) {
        line = Number(x.line);
        continue;
      }
      items.push({ ex: x, line });
    }
    items.forEach((it, k) => {
      const span = (k + 1 < items.length ? items[k + 1]!.line : nlines + 1) - it.line;
      if (it.ex instanceof Expr && skipHeads.has(it.ex.head.name)) return;
      total++;
      try {
        const ex = toplevel.macroexpand(it.ex, session.Base);
        new lowering.Lowerer(session.Base, files[fi]!, { softscope: false }).lowerToplevel(ex, it.line);
        stmts.push({ ex, line: it.line, file: files[fi]!, span: Math.max(span, 1) });
      } catch (e) {
        failed++;
        if (!firstError) firstError = firstLine(e);
      }
    });
  });
  if (stmts.length === 0) {
    console.log(`frontend=lower fails: no statement lowered (${firstError})`);
    return;
  }
  const lowered = stmts.reduce((n, s) => n + s.span, 0);
  const tLower = best(() => {
    for (const s of stmts) new lowering.Lowerer(session.Base, s.file, { softscope: false }).lowerToplevel(s.ex, s.line);
  });
  report('lower', {
    statements: `${stmts.length}/${total}`,
    lines: lowered,
    time_ms: (tLower * 1e3).toFixed(1),
    lines_per_s: Math.round(lowered / tLower),
    ...(failed ? { skipped: failed, first_skip: JSON.stringify(firstError.slice(0, 80)) } : {}),
  });
}

main().catch(e => {
  console.log(`frontend=error fails: ${firstLine(e)}`);
});
