// Helpers for writing WebAssembly text (binaryen parses it, binaryen_worker.ts): literals, function types, the
// GC types every module shares, and reading one function back out of a module's text.
import { wasmType, type Kind } from './kinds.ts';

/** a float literal as wasm text writes it */
export const floatText = (v: number): string =>
  Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : String(v);

/** the ` (param ...) (result ...)` of a function type of these kinds (empty parts left out) */
export function funcTypeText(params: readonly Kind[], result: Kind | undefined): string {
  return (
    (params.length ? ' (param ' + params.map(wasmType).join(' ') + ')' : '') +
    (result ? ' (result ' + wasmType(result) + ')' : '')
  );
}

/** the vector types of gc_arrays.wat (array and struct storage): the engine canonicalizes identical type
 *  definitions across modules, so compiled code accesses the runtime's vectors directly */
export const GC_VECTOR_TYPES: readonly string[] = [
  '(type $tt (struct (field externref)))',
  '(type $af64 (array (mut f64)))',
  '(type $vf64 (struct (field (mut (ref $af64))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $ai64 (array (mut i64)))',
  '(type $vi64 (struct (field (mut (ref $ai64))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $aref (array (mut anyref)))',
  '(type $vref (struct (field (mut (ref $aref))) (field (mut i32)) (field (mut externref)) (field (ref null $tt))))',
  '(type $bits (struct (field i64)))',
  // the character codes V8's fromCharCodeArray builtin makes a string of
  '(type $a16 (array (mut i16)))',
];

/** the s-expression of function `name` in a module's text */
export function functionText(moduleText: string, name: string): string {
  const start =
    moduleText.indexOf(`(func $${name} `) >= 0
      ? moduleText.indexOf(`(func $${name} `)
      : moduleText.indexOf(`(func $${name}\n`);
  if (start < 0) return moduleText;
  let depth = 0;
  for (let k = start; k < moduleText.length; k++) {
    const c = moduleText[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return moduleText.slice(start, k + 1);
    else if (c === '"') {
      k++;
      while (k < moduleText.length && moduleText[k] !== '"') {
        if (moduleText[k] === '\\') k++;
        k++;
      }
    }
  }
  return moduleText.slice(start);
}
