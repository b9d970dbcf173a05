// The `jolt` command: jolt file.jl [args], jolt -e 'code', jolt (REPL).
import { join, resolve } from 'node:path';
import { installRoot } from './image/install.ts';
import { readFileSync, writeSync, existsSync } from 'node:fs';
import { depotPath } from './image/depot.ts';
import {
  startSession,
  loadSysimage,
  writeSysimage,
  runWorkload,
  reportError,
  flushAll,
  runProgram,
  internalError,
  errWrite,
  enableCodeStore,
  saveCompiledCode,
  type Session,
} from './engine.ts';
import { JoltThrow, Sym, JArray, T } from './runtime/values.ts';
import { ParseError } from './syntax/parser.ts';
import { codeCacheState } from './image/code_cache.ts';
import { workCounters, startStep, startTimes } from './runtime/counters.ts';
import { utf8Encode } from './runtime/utf8.ts';
import { writeBytes } from './runtime/foreign.ts';
import { startRecording, stopRecording, formatReport } from './runtime/invalidations.ts';
import { applyTypeName } from './runtime/apply_type.ts';
import { bindConst } from './runtime/bootstrap.ts';
import { session as tl } from './interpreter/toplevel.ts';
import { enableTypedTier } from './inference/execute.ts';
import { enableNativeTier } from './codegen/jit.ts';
import { traceCompileTo, stopTraceCompile } from './codegen/trace_compile.ts';
import { initEnvironments } from './pkg/api.ts';
import { sigint } from './runtime/interrupt.ts';
import { memorySizes } from './runtime/memory.ts';
import { atExit, exitProcess } from './runtime/exit.ts';
import { storeStats } from './image/code_store.ts';

const USAGE =
  'usage: jolt [--compile=yes|no|all|typed] [--sysimage FILE] [--project[=DIR]]\n' +
  '            [--trace-compile=FILE|stderr [--trace-compile-timing]] [--trace-invalidations]\n' +
  '            [-q] [-i] [-L file] [--startup-file=yes|no] [--color=yes|no|auto] [--history-file=yes|no]\n' +
  '            [-e code | -E code | file.jl] [args...]\n' +
  '       jolt sysimage -o FILE [--workload script.jl] [files...]\n' +
  '       jolt invalidations [options] (-e code | file.jl) [args...]\n';

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
      ' -E, --print <code>         evaluate <code> and show the result\n' +
      ' -L, --load <file>          load <file> first (then the REPL, unless a program is given)\n' +
      ' -i, --interactive          start the REPL after running the program\n' +
      ' -q, --quiet                no banner at the REPL\n' +
      ' --startup-file=yes|no      load $JOLT_DEPOT_PATH/config/startup.jl (~/.jolt/config/startup.jl) first (yes)\n' +
      ' --color=yes|no|auto        coloured prompts (auto: when output is a terminal)\n' +
      ' --history-file=yes|no      keep the REPL history in ~/.jolt_history (yes)\n' +
      ' -O<n>, --check-bounds=yes|no|auto  accepted, as julia takes them\n' +
      ' --compile=yes|all|typed|no how code runs: typed code and native code for hot methods (yes, the default),\n' +
      '                            native code at every first call (all), typed code only (typed), the interpreter (no)\n' +
      ' -J, --sysimage <file>      start from a sysimage made by `jolt sysimage`\n' +
      ' --project[=<dir>|@.]       the active project (without a value: the nearest Project.toml upwards); also\n' +
      '                            JOLT_PROJECT. JOLT_LOAD_PATH sets LOAD_PATH (`:`-separated, empty: the default)\n' +
      ' --trace-compile=<file>     write a precompile statement for each method compiled at run time (or stderr)\n' +
      ' --trace-invalidations      at exit, print on stderr the code each new method invalidated, as trees of\n' +
      '                            method instances, worst first (also: `jolt invalidations file.jl`)\n' +
      ' -v, --version              print the version\n' +
      ' -h, --help                 print this message\n',
  );
  process.exit(0);
}

let replSession: Session | undefined;
const replOpts: { quiet?: boolean; color?: boolean; historyFile?: string | null } = {};

/** a file's text, or undefined after saying it could not be opened */
function readSource(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    errWrite(`ERROR: could not open file ${path}\n`);
    return undefined;
  }
}

/** runs a file's text in Main, reporting its error; false when it failed */
function main(argv: string[]): number {
  if (argv[0] === 'sysimage') return sysimageCommand(argv.slice(1));
  // `jolt precompile [options]`: Pkg.precompile() for the active project (--project as for any run)
  if (argv[0] === 'precompile') return main([...argv.slice(1), '-e', 'import Pkg; Pkg.precompile()']);
  // `jolt invalidations ...` is `jolt --trace-invalidations ...` for a program (a file or -e), never the REPL
  const invalidationsCommand = argv[0] === 'invalidations';
  if (invalidationsCommand) argv = ['--trace-invalidations', ...argv.slice(1)];
  let traceInvalidations = false;
  let code: string | undefined, file: string | undefined;
  let compileMode = 'yes';
  let sysimage: string | undefined;
  let trace: string | undefined;
  let traceTiming = false;
  let compiledModules = true;
  let printResult = false;
  let interactive = false;
  let startupFile = true;
  const loads: string[] = [];
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
    // Julia's --compiled-modules: whether compiled code is taken from and kept in the depot's store
    if (a === '--compiled-modules=yes' || a === '--compiled-modules=no') {
      compiledModules = a.endsWith('yes');
      continue;
    }
    if (a === '--trace-compile-timing') {
      traceTiming = true;
      continue;
    }
    if (a === '--trace-invalidations') {
      traceInvalidations = true;
      continue;
    }
    if (a === '-E' || a === '--print') {
      code = argv[++k];
      if (code === undefined) usage();
      printResult = true;
      k++;
      break;
    }
    if (a === '-L' || a === '--load') {
      const f = argv[++k];
      if (f === undefined) usage();
      loads.push(f);
      continue;
    }
    if (a === '-i' || a === '--interactive') {
      interactive = true;
      continue;
    }
    if (a === '-q' || a === '--quiet') {
      replOpts.quiet = true;
      continue;
    }
    const flag = /^--(startup-file|color|history-file|check-bounds)=(yes|no|auto)$/.exec(a);
    if (flag && !(flag[2] === 'auto' && (flag[1] === 'startup-file' || flag[1] === 'history-file'))) {
      if (flag[1] === 'startup-file') startupFile = flag[2] === 'yes';
      if (flag[1] === 'color' && flag[2] !== 'auto') replOpts.color = flag[2] === 'yes';
      if (flag[1] === 'history-file' && flag[2] === 'no') replOpts.historyFile = null;
      continue;
    }
    // accepted as julia takes them; Jolt's code generation has one level and always checks bounds
    if (/^(-O[0-3]?|--optimize(=[0-3])?)$/.test(a)) continue;
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
  if (invalidationsCommand && code === undefined && file === undefined) {
    errWrite('usage: jolt invalidations [options] (-e code | file.jl) [args...]\n');
    return 2;
  }
  if (traceInvalidations) traceInvalidationsAtExit();
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
  if (compiledModules && (compileMode === 'yes' || compileMode === 'all')) enableCodeStore();
  initEnvironments(s.Base, project);
  // SIGINT: a script run without -i ends at once (status 130) as Julia's does; -e code and the REPL are interrupted
  sigint.exitOnSigint = file !== undefined && !interactive;
  sigint.where = () => `${tl.currentFile}:${tl.currentLine}`;
  const vec = new JArray(applyTypeName(T.Array!.name, [T.String!, 1n]), rest.map(utf8Encode), [rest.length]);
  bindConst(s.Base, 'ARGS', vec);
  // ~/.jolt/config/startup.jl (in the depot), then the -L files, as julia loads them before the program
  const startup = join(depotPath(), 'config', 'startup.jl');
  for (const f of [...(startupFile && existsSync(startup) ? [startup] : []), ...loads]) {
    const path = resolve(f);
    const text = readSource(path);
    if (text === undefined || runProgram(s, text, path) !== 0) return 1;
  }
  if (code === undefined && file === undefined) {
    replSession = s;
    return -1;
  } // REPL, started below (it is asynchronous)
  // `jolt -` reads the program from standard input, as `julia -` (which includes it as the file "stdin")
  const name = file === '-' ? 'stdin' : file ? resolve(file) : 'none';
  bindConst(s.Base, 'PROGRAM_FILE', utf8Encode(file ?? ''));
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : file ? readFileSync(name, 'utf8') : code!;
  } catch {
    errWrite(`ERROR: could not open file ${name}\n`);
    return 1;
  }
  // -E shows the value of the code, as `show` writes it
  if (printResult) text = `show(begin\n${text}\nend); println()`;
  const status = runProgram(s, text, file ? name : undefined);
  saveCompiledCode();
  if (interactive) {
    replSession = s;
    return -1;
  }
  return status;
}

/** Records invalidations from now on and prints the report on stderr when the process exits (however it exits:
 *  the program's end, an error, `exit(n)`, the end of the REPL). */
function traceInvalidationsAtExit(): void {
  startRecording();
  atExit(() => writeBytes(2, utf8Encode(formatReport(stopRecording()))));
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
    const text = readSource(path);
    if (text === undefined) return 1;
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

void Sym;
void tl;
startStep('loaded');
if (process.env.JOLT_STATS) {
  atExit(() => {
    startStep('exit');
    // the public Node modules the process loaded (a start should load no more than it needs)
    const builtins = ((process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [])
      .filter(m => m.startsWith('NativeModule ') && !m.includes('internal/'))
      .map(m => m.slice('NativeModule '.length));
    errWrite(
      `jolt stats: ${JSON.stringify(workCounters)}\njolt start-up ms: ${JSON.stringify(startTimes)}\n` +
        `jolt node modules: ${builtins.join(' ')}\njolt memory: ${JSON.stringify(memorySizes())}\n` +
        `jolt code cache: ${codeCacheState}\n`,
    );
  });
}
// what the code store did (bench/precompile.ts reads it): lookups, entries installed, validation time
if (process.env.JOLT_STORE_STATS) atExit(() => errWrite(`jolt store: ${JSON.stringify(storeStats)}\n`));
const status = main(process.argv.slice(2));
if (status === -1) {
  // the REPL runs on the event loop (the module has no top-level await, so it may be loaded as a script)
  void import('./repl/repl.ts').then(async ({ startRepl }) => {
    process.exitCode = await startRepl(replSession!, replOpts);
    flushAll();
    stopTraceCompile();
  });
} else {
  process.exitCode = status;
  flushAll();
  stopTraceCompile();
  // a program run ends here, without waiting for the event loop to drain (a background compile in binaryen's
  // worker, timers): its output is flushed, and what it left running is not its result
  exitProcess(Number(process.exitCode ?? 0));
}
