// The part of the WebAssembly JS API Jolt uses (the project's type library has no DOM types).
export interface WasmApi {
  JSTag: unknown;
  Global: new (d: { value: 'externref'; mutable: boolean }, v: unknown) => unknown;
  Module: new (bytes: Uint8Array, options?: { builtins: string[] }) => unknown;
  Instance: new (m: unknown, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
export const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** compiled modules import V8's JS string builtins (`wasm:js-string`), which the engine supplies itself */
export const WASM_OPTIONS = { builtins: ['js-string'] };
