// `@code_wasm` and `@code_native`: the WebAssembly Jolt makes for a method instance (binaryen's text, optimized or
// not) and the x86-64 that V8 makes of it. V8 does not hand its machine code to JavaScript, so a child Node
// compiles the module eagerly with --print-wasm-code and the listing of the one function is cut out of its output.
import type { Value } from '../runtime/values.ts';
import { registerForeign } from '../runtime/foreign.ts';
import { utf8Encode } from '../runtime/utf8.ts';
import { dispatchTypeOf } from '../runtime/typeof.ts';
import { methodInstanceFor } from '../inference/typeinfer.ts';
import { standaloneModule } from './jit.ts';
import { functionText } from './wat.ts';
import { WASM_OPTIONS } from './wasm_api.ts';

export function codeWasm(f: Value, args: Value[], optimize: boolean): string {
  const mi = methodInstanceFor(f, args.map(dispatchTypeOf));
  if (!mi) return 'no unique matching method';
  const r = standaloneModule(mi, optimize);
  if (typeof r === 'string') return r;
  return readableLocations(functionText(r.text, r.name));
}

/** binaryen prints the debug location function_emitter.ts puts on each call, `;;@ file:line:fid`, and a bare `;;@`
 *  where a located stretch ends: shown as `;;@ file:line` before the calls only */
function readableLocations(text: string): string {
  return text.replace(/^[ \t]*;;@\n/gm, '').replace(/^([ \t]*;;@ .*:\d+):\d+$/gm, '$1');
}

/** the part of V8's --print-wasm-code output for function `name` */
export function nativeListing(bytes: Uint8Array, name: string): string {
  const out = process
    .getBuiltinModule('node:child_process')
    .spawnSync(
      process.execPath,
      [
        '--print-wasm-code',
        '--no-liftoff',
        '--no-wasm-lazy-compilation',
        '-e',
        `new WebAssembly.Module(require("fs").readFileSync(0), ${JSON.stringify(WASM_OPTIONS)})`,
      ],
      { input: bytes, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
  if (out.status !== 0) return `V8 could not compile the module: ${out.stderr}`;
  const sections = out.stdout.split('--- WebAssembly code ---');
  const mine = sections.find(sec => sec.includes(`\nname: ${name}\n`));
  if (!mine) return `no listing for ${name}`;
  return mine.split('--- End code ---')[0]!.trim();
}

export function codeNative(f: Value, args: Value[]): string {
  const mi = methodInstanceFor(f, args.map(dispatchTypeOf));
  if (!mi) return 'no unique matching method';
  const r = standaloneModule(mi, true);
  if (typeof r === 'string') return r;
  return nativeListing(r.bytes!, r.name);
}

registerForeign('jl_code_wasm', ([f, args, opt]) => utf8Encode(codeWasm(f!, args as Value[], opt !== false)));
registerForeign('jl_code_native', ([f, args]) => utf8Encode(codeNative(f!, args as Value[])));
