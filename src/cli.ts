// The `jolt` command: jolt file.jl [args], jolt -e 'code', jolt (REPL).
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  startSession,
  loadSysimage,
  writeSysimage,
  runWorkload,
  reportError,
  includeString,
  flushAll,
  type Session,
} from './engine.ts';
import { JoltThrow, Sym, JArray, JStruct, T } from './runtime/values.ts';
import { ParseError } from './syntax/parser.ts';
import { workCounters } from './runtime/counters.ts';
import { utf8Encode } from './runtime/utf8.ts';
import { applyTypeName } from './runtime/apply_type.ts';
import { bindConst } from './runtime/bootstrap.ts';
import { session as tl } from './interpreter/toplevel.ts';
import { showType } from './runtime/show_type.ts';
import { typeOf } from './runtime/typeof.ts';
import { enableTypedTier } from './inference/execute.ts';
import { enableNativeTier } from './codegen/jit.ts';

function usage(): never {
  process.stderr.write('usage: jolt [--compile=yes|no|typed] [-e code | file.jl] [args...]\n');
  process.exit(2);
}

let replSession: Session | undefined;

function main(argv: string[]): number {
  if (argv[0] === 'sysimage') return sysimageCommand(argv.slice(1));
  let code: string | undefined, file: string | undefined;
  let compileMode = 'yes';
  let sysimage: string | undefined;
  const rest: string[] = [];
  let k = 0;
  for (; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--sysimage' || a === '-J') {
      sysimage = argv[++k];
      if (sysimage === undefined) usage();
      continue;
    }
    if (a.startsWith('--sysimage=') || (a.startsWith('-J') && a.length > 2)) {
      sysimage = a.startsWith('-J') ? a.slice(2) : a.slice('--sysimage='.length);
      continue;
    }
    if (a === '-e' || a === '--eval') {
      code = argv[++k];
      if (code === undefined) usage();
      k++;
      break;
    }
    if (a.startsWith('--compile=')) {
      if (!/^--compile=(yes|no|all|min|typed)$/.test(a)) usage();
      compileMode = a.slice(10);
      continue;
    }
    if (a === '-h' || a === '--help') usage();
    if (a.startsWith('-') && a !== '-') usage();
    file = a;
    k++;
    break;
  }
  rest.push(...argv.slice(k));
  let s: Session;
  try {
    if (sysimage !== undefined) {
      const r = loadSysimage(sysimage);
      if (typeof r === 'string') {
        process.stderr.write(`ERROR: could not load the sysimage ${sysimage}: ${r}\n`);
        return 1;
      }
      s = r;
    } else s = startSession(note);
  } catch (e) {
    return internalError(e);
  }
  // compiled modes run each call's inferred, optimized code; `no` and `min` run the lowered code as it is
  if (compileMode !== 'no' && compileMode !== 'min') enableTypedTier();
  // `yes` and `all` also compile to native code (WebAssembly, which V8 turns into machine code): `yes` compiles hot
  // code in the background, `all` compiles each method at its first call and waits for it
  if (compileMode === 'yes' || compileMode === 'all') enableNativeTier(compileMode === 'all');
  const vec = new JArray(applyTypeName(T.Array!.name, [T.String!, 1n]), rest.map(utf8Encode), [rest.length]);
  bindConst(s.Base, 'ARGS', vec);
  if (code === undefined && file === undefined) {
    replSession = s;
    return -1;
  } // REPL, started below (it is asynchronous)
  const name = file ? resolve(file) : 'none';
  bindConst(s.Base, 'PROGRAM_FILE', utf8Encode(file ?? ''));
  let text: string;
  try {
    text = file ? readFileSync(name, 'utf8') : code!;
  } catch {
    process.stderr.write(`ERROR: could not open file ${name}\n`);
    return 1;
  }
  try {
    includeString(s.Main, text, file ? name : 'none');
    flushAll();
    return 0;
  } catch (e) {
    if (e instanceof ParseError) {
      flushAll();
      process.stderr.write(e.display(!!file) + '\n');
      return 1;
    }
    if (e instanceof JoltThrow) {
      reportError(s, e, { loadError: !!file });
      return 1;
    }
    return internalError(e);
  }
}

const note = (line: string): void => void process.stderr.write(line + '\n');

/** `jolt sysimage -o app.img [--workload script.jl] [files...]`: runs the files, then the workload, in Main with
 *  every call compiled to native code, and saves the session (PackageCompiler's sysimage, built in). */
function sysimageCommand(argv: string[]): number {
  let out: string | undefined;
  const workloads: string[] = [];
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '-o' || a === '--output') out = argv[++k];
    else if (a === '--workload') workloads.push(argv[++k] ?? '');
    else if (a.startsWith('-')) {
      process.stderr.write(`jolt sysimage: unknown option ${a}\n`);
      return 2;
    } else files.push(a);
  }
  if (!out) {
    process.stderr.write('usage: jolt sysimage -o app.img [--workload script.jl] [files...]\n');
    return 2;
  }
  let s: Session;
  try {
    s = startSession(note);
  } catch (e) {
    return internalError(e);
  }
  for (const f of [...files, ...workloads]) {
    const path = resolve(f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      process.stderr.write(`ERROR: could not open file ${path}\n`);
      return 1;
    }
    try {
      runWorkload(text, path, s.Main);
      flushAll();
    } catch (e) {
      if (e instanceof ParseError) {
        flushAll();
        process.stderr.write(e.display(true) + '\n');
        return 1;
      }
      if (e instanceof JoltThrow) {
        reportError(s, e, { loadError: true });
        return 1;
      }
      return internalError(e);
    }
  }
  writeSysimage(resolve(out), s);
  return 0;
}

function internalError(e: unknown): number {
  flushAll();
  const err = e as Error;
  if (e instanceof JoltThrow) {
    // an exception while loading Base: describe it without Base's printing machinery
    const v = e.value as { type?: { name: { name: Sym } } };
    const parts = (e.value instanceof JStruct ? [...e.value.fields()] : []).map(x =>
      x && typeof x === 'object' && 'jtype' in (x as object)
        ? showType(x as never) + '::' + showType(typeOf(x as never))
        : x instanceof Sym
          ? ':' + x.name
          : typeof x === 'object' && x && 'name' in x
            ? String((x as { name: { name?: string } }).name?.name ?? (x as { name: unknown }).name)
            : String(x),
    );
    process.stderr.write(`ERROR: during start-up: ${v.type?.name.name.name}(${parts.join(', ')})\n`);
    for (const f of e.bt) process.stderr.write(`  ${f.func} @ ${f.file}:${f.line}\n`);
    return 1;
  }
  process.stderr.write(`ERROR: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.JOLT_DEBUG) process.stderr.write((err?.stack ?? '') + '\n');
  return 1;
}

void Sym;
void tl;
if (process.env.JOLT_STATS)
  process.on('exit', () => process.stderr.write(`jolt stats: ${JSON.stringify(workCounters)}\n`));
const status = main(process.argv.slice(2));
if (status === -1) {
  const { startRepl } = await import('./repl/repl.ts');
  process.exitCode = await startRepl(replSession!);
} else process.exitCode = status;
flushAll();
