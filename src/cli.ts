// The `jolt` command: jolt file.jl [args], jolt -e 'code', jolt (REPL).
import { join, resolve } from 'node:path';
import { installRoot } from './image/install.ts';
import { readFileSync, writeSync } from 'node:fs';
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
import { traceCompileTo, stopTraceCompile } from './codegen/trace_compile.ts';
import { initEnvironments } from './pkg/api.ts';

// Written at once, not through process.stderr: under bin/jolt.js's worker thread that stream is passed to the main
// thread asynchronously, and would be overtaken by output written after it.
const errWrite = (s: string): void => {
  flushAll();
  writeSync(2, s);
};

const USAGE =
  'usage: jolt [--compile=yes|no|all|typed] [--sysimage FILE] [--project[=DIR]] [--trace-compile=FILE|stderr [--trace-compile-timing]]\n' +
  '            [-e code | file.jl] [args...]\n' +
  '       jolt sysimage -o FILE [--workload script.jl] [files...]\n';

/** a command line Jolt cannot run: the usage on stderr, exit status 2 */
function usage(): never {
  errWrite(USAGE);
  process.exit(2);
}

/** `jolt --help`: the usage and what each option does, on stdout, as `julia --help` */
function help(): never {
  writeSync(
    1,
    USAGE +
      '\n' +
      ' -e, --eval <code>          evaluate <code>\n' +
      ' --compile=yes|all|typed|no how code runs: typed code and native code for hot methods (yes, the default),\n' +
      '                            native code at every first call (all), typed code only (typed), the interpreter (no)\n' +
      ' -J, --sysimage <file>      start from a sysimage made by `jolt sysimage`\n' +
      ' --project[=<dir>|@.]       the active project (without a value: the nearest Project.toml upwards); also\n' +
      '                            JOLT_PROJECT. JOLT_LOAD_PATH sets LOAD_PATH (`:`-separated, empty: the default)\n' +
      ' --trace-compile=<file>     write a precompile statement for each method compiled at run time (or stderr)\n' +
      ' -v, --version              print the version\n' +
      ' -h, --help                 print this message\n',
  );
  process.exit(0);
}

let replSession: Session | undefined;

function main(argv: string[]): number {
  if (argv[0] === 'sysimage') return sysimageCommand(argv.slice(1));
  let code: string | undefined, file: string | undefined;
  let compileMode = 'yes';
  let sysimage: string | undefined;
  let trace: string | undefined;
  let traceTiming = false;
  let project: string | undefined;
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
    // Julia's --trace-compile={stderr|name}, also as two arguments
    if (a === '--trace-compile' || a.startsWith('--trace-compile=')) {
      trace = a === '--trace-compile' ? argv[++k] : a.slice('--trace-compile='.length);
      if (!trace) usage();
      continue;
    }
    if (a === '--trace-compile-timing') {
      traceTiming = true;
      continue;
    }
    if (a === '--project' || a.startsWith('--project=')) {
      project = a === '--project' ? '' : a.slice('--project='.length);
      continue;
    }
    if (a === '-h' || a === '--help') help();
    if (a === '-v' || a === '--version') {
      writeSync(1, `jolt version ${joltVersionNumber()}\n`);
      process.exit(0);
    }
    if (a.startsWith('-') && a !== '-') {
      errWrite(`ERROR: unknown option \`${a}\`\n`);
      return 1;
    }
    file = a;
    k++;
    break;
  }
  rest.push(...argv.slice(k));
  if (trace !== undefined && !traceCompileTo(trace, traceTiming)) {
    errWrite(`ERROR: could not open file ${resolve(trace)} for --trace-compile\n`);
    return 1;
  }
  let s: Session;
  try {
    if (sysimage !== undefined) {
      const r = loadSysimage(sysimage);
      if (typeof r === 'string') {
        errWrite(`ERROR: could not load the sysimage ${sysimage}: ${r}\n`);
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
  initEnvironments(s.Base, project);
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
    errWrite(`ERROR: could not open file ${name}\n`);
    return 1;
  }
  try {
    includeString(s.Main, text, file ? name : 'none');
    flushAll();
    return 0;
  } catch (e) {
    if (e instanceof ParseError) {
      errWrite(e.display(!!file) + '\n');
      return 1;
    }
    if (e instanceof JoltThrow) {
      reportError(s, e, { loadError: !!file });
      return 1;
    }
    return internalError(e);
  }
}

/** package.json's version */
function joltVersionNumber(): string {
  return (JSON.parse(readFileSync(join(installRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

const note = (line: string): void => void errWrite(line + '\n');

/** `jolt sysimage -o app.img [--workload script.jl] [files...]`: runs the files, then the workload, in Main with
 *  every call compiled to native code, and saves the session (PackageCompiler's sysimage, built in). */
function sysimageCommand(argv: string[]): number {
  let out: string | undefined;
  const workloads: string[] = [];
  const files: string[] = [];
  let project: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '-o' || a === '--output') out = argv[++k];
    else if (a === '--workload') workloads.push(argv[++k] ?? '');
    else if (a === '--project' || a.startsWith('--project=')) project = a === '--project' ? '' : a.slice(10);
    else if (a.startsWith('-')) {
      errWrite(`jolt sysimage: unknown option ${a}\n`);
      return 2;
    } else files.push(a);
  }
  if (!out) {
    errWrite('usage: jolt sysimage -o app.img [--workload script.jl] [files...]\n');
    return 2;
  }
  let s: Session;
  try {
    s = startSession(note);
  } catch (e) {
    return internalError(e);
  }
  initEnvironments(s.Base, project);
  for (const f of [...files, ...workloads]) {
    const path = resolve(f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      errWrite(`ERROR: could not open file ${path}\n`);
      return 1;
    }
    try {
      runWorkload(text, path, s.Main);
      flushAll();
    } catch (e) {
      if (e instanceof ParseError) {
        flushAll();
        errWrite(e.display(true) + '\n');
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
    errWrite(`ERROR: during start-up: ${v.type?.name.name.name}(${parts.join(', ')})\n`);
    for (const f of e.bt) errWrite(`  ${f.func} @ ${f.file}:${f.line}\n`);
    return 1;
  }
  errWrite(`ERROR: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.JOLT_DEBUG) errWrite((err?.stack ?? '') + '\n');
  return 1;
}

void Sym;
void tl;
if (process.env.JOLT_STATS) process.on('exit', () => errWrite(`jolt stats: ${JSON.stringify(workCounters)}\n`));
const status = main(process.argv.slice(2));
if (status === -1) {
  const { startRepl } = await import('./repl/repl.ts');
  process.exitCode = await startRepl(replSession!);
} else process.exitCode = status;
flushAll();
stopTraceCompile();
// a program run ends here, without waiting for the event loop to drain (a background compile in binaryen's worker,
// timers): its output is flushed, and what it left running is not its result
if (status !== -1) process.exit();
