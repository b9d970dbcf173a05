// The code store: compiled code kept in the depot by content, shared by every package, environment and script
// that needs it. An entry is one compiled module (its wasm and the Jolt values it imports) with the CodeInstances
// whose code it is (their inferred code, return types and edges), all written with stable names
// (stable_names.ts), and the fingerprint of each function it was inferred against. Its key is the hash of its
// bytes: the same specialization compiled against the same methods gives the same bytes (stable names make the
// wasm byte-identical), so two packages or two environments that need it share one file, and entries that differ
// in anything never collide. An index keyed by each instance's name (its method, with the method's content hash,
// and its argument types) lists the entries that hold it, which is how a process finds code for an instance it
// is about to infer or compile.
//
// Validation is cheap: an entry records, per generic function it depends on, a fingerprint of that function's
// methods. Loading into an unchanged session compares fingerprints, one per function; only where a function's
// methods changed are the edges through it checked again, and an entry that fails is never installed (its
// instances are inferred and compiled as if it did not exist; the invalidation is reported).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Module } from '../runtime/values.ts';
import { DataType, type JType } from '../runtime/types.ts';
import { Method, MethodInstance, CodeInstance, MethodTable, world, MAX_WORLD } from '../runtime/methods.ts';
import { methodTableFor, findMethod } from '../runtime/dispatch.ts';
import { unwrap, paramKey } from '../runtime/apply_type.ts';
import { workCounters } from '../runtime/counters.ts';
import { codeCache } from '../runtime/hooks.ts';
import { reportInvalidation } from '../runtime/invalidations.ts';
import { isConcreteSig, noMethodEdges } from '../inference/typeinfer.ts';
import { modules as compiledModules, adoptNativeImage, type ModuleRecord } from '../codegen/jit.ts';
import type { LinkableModule } from '../codegen/link.ts';
import { encodeGraph, decodeGraph, hasValue, type GraphCodec } from './serialize.ts';
import { imageClasses, NativeModule } from './session_image.ts';
import { externalNames, Namer, Resolver, Unnameable, Unresolvable, type NameScope } from './stable_names.ts';
import { ContentHash } from './content_hash.ts';
import { readImageFile, writeImageFile } from './image_file.ts';
import { depotPath, withLock } from './depot.ts';
import { contentKey } from './install.ts';

/** what a store entry holds */
interface StoreEntry {
  module: LinkableModule;
  /** the code of each of the module's exported instances, in export order */
  code: CodeInstance[];
  /** [the function's method table, its fingerprint when the code was inferred] */
  deps: [MethodTable, string][];
  /** the functions of calls inlined into the code, and those their code was inferred against: the code holds
   *  those bodies, so any change to these functions rejects the entry (a closure's body differs from one program
   *  to the next under the same name) */
  strict: MethodTable[];
}

export const storeState = {
  /** whether the store is read and written (`--compiled-modules=no` turns it off) */
  enabled: false,
  /** the world in which the session's image (or Base's sources) was complete: methods up to it are the image's */
  baseWorld: 0,
  /** the depot folder of this Jolt's store (set by enableStore) */
  dir: '',
  /** the first of jit.ts's modules compiled after the store was enabled (those before are the image's) */
  firstModule: 0,
};

/** the package whose code each package module is (set by code loading): its methods are named by its content */
export const packageKeys = new Map<Module, string>();

// ------------------------------------------------------------------ content hashes of methods

const methodHashes = new WeakMap<Method, string>();
/** A method's content hash: the image's methods are fixed by the store's folder (one per Jolt content key); a
 *  package's by the package's content key and the method's signature; any other method (a script's) by its
 *  lowered code. */
export function methodHash(m: Method): string {
  let h = methodHashes.get(m);
  if (h !== undefined) return h;
  if (m.primary_world <= storeState.baseWorld) h = 'image';
  else if (!nameable(m.module))
    return `unnamed ${++unnamedMethods}`; // (not kept: it is named once it can be)
  else {
    const pkg = packageKeyOf(m.module);
    const namer = new Namer(scope);
    const sig = JSON.stringify([namer.modulePath(m.module), namer.tree(m.sig)]);
    if (pkg !== undefined) h = new ContentHash().field(pkg).field(sig).digest();
    else {
      const src = m.source ? encodeGraph(m.source as object, freshCodec()) : new Uint8Array(0);
      h = new ContentHash().field(sig).field(src).field(`${m.file}:${m.line}`).digest();
    }
  }
  methodHashes.set(m, h);
  return h;
}
/** a method of a module no root reaches yet (a package whose top level is still running, adding methods to Base's
 *  functions) has no name: its hash is one of its own, so code checked against it is checked edge by edge */
let unnamedMethods = 0;
function nameable(mod: Module): boolean {
  try {
    new Namer(scope).modulePath(mod);
    return true;
  } catch {
    return false;
  }
}

/** the content key of the package a module belongs to, if a package cache knows it */
export function packageKeyOf(mod: Module): string | undefined {
  for (let m: Module | null = mod; m; m = m.parent === m ? null : m.parent) {
    const k = packageKeys.get(m);
    if (k !== undefined) return k;
  }
  return undefined;
}

export const scope: NameScope = { roots: new Map(), methodHash };
/** a codec with its own Namer and Resolver (a Namer's view of the modules is taken once; a Resolver keeps the
 *  TypeVars of one graph) */
const freshCodec = (): GraphCodec => ({ classes: imageClasses, sideTables: [], external: externalNames(scope) });

// ------------------------------------------------------------------ fingerprints

const fingerprints = new WeakMap<MethodTable, { n: number; fp: string }>();
/** A function's methods as one hash: how many of the image's are still visible, and the others' content hashes,
 *  sorted. Recomputed only when the table gained a method. */
export function fingerprint(mt: MethodTable): string {
  const c = fingerprints.get(mt);
  if (c && c.n === mt.methods.length) return c.fp;
  let image = 0;
  const others: string[] = [];
  for (const m of mt.methods) {
    if (m.deleted_world <= world.current) continue;
    if (m.primary_world <= storeState.baseWorld) image++;
    else others.push(methodHash(m));
  }
  others.sort();
  const h = new ContentHash().field(String(image));
  for (const o of others) h.field(o);
  const fp = h.digest();
  if (!others.some(o => o.startsWith('unnamed '))) fingerprints.set(mt, { n: mt.methods.length, fp });
  return fp;
}

function tableOfSig(sig: JType): MethodTable | undefined {
  const ft = (unwrap(sig) as DataType).parameters?.[0];
  if (!(ft instanceof DataType)) return undefined;
  if (ft.instance !== undefined) return methodTableFor(ft.instance);
  return ft.name.mt;
}

/** the method table an edge depends on: its method's, or the table of the signature it called */
function edgeTable(e: MethodInstance | JType): MethodTable | undefined {
  return e instanceof MethodInstance ? tableOfSig(e.def.sig) : tableOfSig(e);
}

// ------------------------------------------------------------------ writing

/** where this Jolt's store lives: one folder per content key, since the image's methods are named by it */
export function enableStore(depot: string = depotPath()): void {
  storeState.dir = join(depot, 'compiled', contentKey().slice(0, 16));
  storeState.enabled = true;
  storeState.firstModule = compiledModules.length;
}

const entryPath = (key: string): string => join(storeState.dir, 'store', key.slice(0, 2), `${key}.jce`);
const indexPath = (key: string): string => join(storeState.dir, 'index', key.slice(0, 2), key);

/** the index key of an instance: its name (method with content hash, argument types) */
function indexKey(mi: MethodInstance, namer: Namer): string {
  let k = indexKeys.get(mi);
  if (k === undefined) indexKeys.set(mi, (k = new ContentHash().field(JSON.stringify(namer.tree(mi))).digest()));
  return k;
}
/** an instance's name does not change while its method lives (a method's content hash is fixed) */
const indexKeys = new WeakMap<MethodInstance, string>();

/** modules already in the store (taken from it, or written): never written again */
const stored = new WeakSet<LinkableModule>();

/** what storeCompiled wrote: the entries' keys; for each instance, its index name and its entry; each function
 *  the entries were inferred against with its fingerprint; how many modules could not be named */
export interface Stored {
  keys: string[];
  index: [string, string][];
  deps: Map<MethodTable, string>;
  skipped: number;
}

/** Writes the modules compiled in this process (from `from` on) to the store. */
export function storeCompiled(from = storeState.firstModule): Stored {
  const out: Stored = { keys: [], index: [], deps: new Map(), skipped: 0 };
  const namer = new Namer(scope);
  for (const rec of compiledModules.slice(from)) {
    if (rec.cached && !stored.has(rec.linkable)) continue; // the image's
    const had = entryInfo.get(rec.linkable);
    const info = had ?? storeModule(rec, namer);
    if (!info) {
      out.skipped++;
      continue;
    }
    out.keys.push(info.key);
    for (const mi of info.instances) out.index.push([indexKey(mi, namer), info.key]);
    for (const [mt, fp] of info.deps) out.deps.set(mt, fp);
  }
  return out;
}

interface EntryInfo {
  key: string;
  /** the instances it holds (named when a package cache lists them: a cached entry's at its first listing) */
  instances: MethodInstance[];
  deps: [MethodTable, string][];
}
const entryInfo = new WeakMap<LinkableModule, EntryInfo>();

function storeModule(rec: ModuleRecord, namer: Namer): EntryInfo | undefined {
  const lm = rec.linkable;
  const code: CodeInstance[] = [];
  const tables = new Set<MethodTable>();
  const strict = new Set<MethodTable>();
  for (const x of lm.exports) {
    const mi = lm.constants[x.instance] as MethodInstance;
    const ci = mi.cache.find(c => c.max_world === MAX_WORLD && c.inferred);
    if (!ci) return undefined;
    // the instance's code as the store keeps it: no unoptimized code, worlds set when it is installed
    const copy = Object.assign(Object.create(CodeInstance.prototype) as CodeInstance, ci, {
      unoptimized: undefined,
      min_world: 0,
      max_world: 0,
    });
    code.push(copy);
    for (const e of ci.edges) {
      const mt = edgeTable(e);
      if (mt) tables.add(mt);
    }
    // the code holds the bodies of the calls inlined into it, and the calls those bodies make (StoreEntry.strict)
    for (const fr of ci.inferred?.inlined?.frames ?? []) {
      const mt = tableOfSig(fr.mi.def.sig);
      if (mt) strict.add(mt);
      const callee = fr.mi.cache.find(c => c.max_world === MAX_WORLD);
      for (const e of callee?.edges ?? []) {
        const emt = edgeTable(e);
        if (emt) strict.add(emt);
      }
    }
  }
  let bytes: Uint8Array;
  let names: string[];
  let deps: [MethodTable, string][];
  const instances = code.map(ci => ci.def);
  try {
    for (const mt of strict) tables.add(mt);
    deps = [...tables].map(mt => [mt, fingerprint(mt)]);
    bytes = encodeGraph({ module: lm, code, deps, strict: [...strict] } satisfies StoreEntry, freshCodec());
    names = instances.map(mi => indexKey(mi, namer));
  } catch (e) {
    if (e instanceof Unnameable) return undefined;
    throw e;
  }
  const key = new ContentHash().field(bytes).digest();
  const path = entryPath(key);
  try {
    if (!existsSync(path)) writeImageFile(path, 'code', key, bytes, { durable: false });
    for (const n of names) addToIndex(n, key);
  } catch (e) {
    if (process.env.JOLT_DEBUG_STORE) process.stderr.write(`store: cannot write ${key}: ${(e as Error).stack}\n`);
    return undefined; // a depot that cannot be written: the code is simply not kept
  }
  stored.add(lm);
  const info = { key, instances, deps };
  entryInfo.set(lm, info);
  return info;
}

function addToIndex(name: string, key: string): void {
  const path = indexPath(name);
  const have = readIndex(path);
  if (have.includes(key)) return;
  mkdirSync(dirname(path), { recursive: true });
  withLock(`${path}.lock`, () => {
    const now = readIndex(path);
    if (now.includes(key)) return;
    // newest first: a later build of the same instance is the likelier match
    writeImageFile(path, 'index', name, new TextEncoder().encode([key, ...now].join('\n')), { durable: false });
  });
}

function readIndex(path: string): string[] {
  const r = readImageFile(path, { kind: 'index' });
  if (!r.ok) return [];
  return new TextDecoder()
    .decode(r.payload)
    .split('\n')
    .filter(l => /^[0-9a-f]{32}$/.test(l));
}

// ------------------------------------------------------------------ reading

/** entries tried in this process (each is installed at most once, or rejected once) */
const tried = new Set<string>();
/** what the store did in this process */
export const storeStats = { lookups: 0, entries: 0, rejected: 0, corrupt: 0, validateMs: 0, changedFunctions: 0 };

/** A package cache's functions (those defined before it) as names with their fingerprints when it was built. */
export function namedDeps(deps: Map<MethodTable, string>, own: (mt: MethodTable) => boolean): [string, string][] {
  const namer = new Namer(scope);
  const out: [string, string][] = [];
  for (const [mt, fp] of deps) {
    if (own(mt)) continue;
    try {
      out.push([JSON.stringify(namer.tree(mt)), fp]);
    } catch (e) {
      if (!(e instanceof Unnameable)) throw e; // checked entry by entry when its entries are installed
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Checks a package cache's functions against this session, one fingerprint per function (flat in the number of
 *  its methods and instances); the names of those that changed (their entries' edges are checked one by one when
 *  installed). */
export function changedFunctions(deps: readonly (readonly [string, string])[]): string[] {
  const t0 = performance.now();
  const changed: string[] = [];
  const r = new Resolver(scope);
  for (const [name, fp] of deps) {
    let mt: MethodTable;
    try {
      mt = r.resolve(name) as MethodTable;
    } catch {
      changed.push(name);
      continue;
    }
    if (fingerprint(mt) !== fp) changed.push(name);
  }
  storeStats.changedFunctions += changed.length;
  storeStats.validateMs += performance.now() - t0;
  return changed;
}

/** instances looked up once already (a miss stays a miss, until a package cache brings more entries) */
let missed = new WeakSet<MethodInstance>();
/** the entries of the package caches loaded in this process, by the index names of their instances: an entry is
 *  decoded when one of its instances is first needed, so loading a cache costs little more than reading its list */
const registered = new Map<string, string[]>();

/** makes a package cache's entries known (read at the first need of one of their instances) */
export function registerEntries(index: readonly (readonly [string, string])[]): void {
  for (const [name, key] of index) {
    const l = registered.get(name);
    if (!l) registered.set(name, [key]);
    else if (!l.includes(key)) l.push(key);
  }
  if (index.length) missed = new WeakSet();
}

/** Installs one of a package cache's entries now, while the package loads: the first stored call of a process
 *  would otherwise also pay for what decoding does once (warming its code, resolving Base's names), about 2 ms,
 *  where the others take about one. */
export function installOneEntry(index: readonly (readonly [string, string])[]): void {
  const key = index.find(([, k]) => !tried.has(k))?.[1];
  if (key !== undefined) installEntry(key);
}

/** Finds and installs stored code for `mi`; whether `mi` got code. */
export function lookupStored(mi: MethodInstance): boolean {
  // (a method of the Base image holds its source lazily: only whether it has one is asked, not decoded)
  if (!storeState.enabled || missed.has(mi) || !hasValue(mi.def, 'source')) return false;
  storeStats.lookups++;
  missed.add(mi);
  let name: string;
  try {
    name = indexKey(mi, new Namer(scope));
  } catch (e) {
    if (e instanceof Unnameable) return false;
    throw e;
  }
  // the entries a loaded package cache lists first; the store's index on disk (other environments' entries) only
  // when none of those gives code
  if (installFirst(mi, name, registered.get(name) ?? [])) return true;
  const path = indexPath(name);
  return existsSync(path) && installFirst(mi, name, readIndex(path));
}

/** installs entries of `keys` not tried yet until one gives `mi` code; whether one did */
function installFirst(mi: MethodInstance, name: string, keys: readonly string[]): boolean {
  if (process.env.JOLT_DEBUG_STORE)
    process.stderr.write(`store: lookup ${mi.def.name.name} ${name}: ${keys.join(' ')}\n`);
  for (const key of keys) {
    if (tried.has(key)) continue;
    installEntry(key);
    if (mi.cache.some(c => c.max_world === MAX_WORLD)) return true;
  }
  return false;
}

/** reads, validates and installs one entry; the number of instances it installed */
function installEntry(key: string): number {
  tried.add(key);
  const r = readImageFile(entryPath(key), { kind: 'code', key });
  if (!r.ok) {
    // never trusted: removed, so the code compiled again in its place is written again
    if (r.problem !== 'missing') {
      storeStats.corrupt++;
      rmSync(entryPath(key), { force: true });
    }
    return 0;
  }
  let entry: StoreEntry;
  try {
    entry = decodeGraph(r.payload, freshCodec(), { builtin: builtinImpl }) as StoreEntry;
  } catch (e) {
    // a method it names is gone or changed: the entry is stale for this session
    if (e instanceof Unresolvable) {
      if (process.env.JOLT_DEBUG_STORE) process.stderr.write(`store: ${key}: ${e.message}\n`);
      storeStats.rejected++;
      return 0;
    }
    if (process.env.JOLT_DEBUG_STORE) process.stderr.write(`store: ${key}: ${(e as Error).stack}\n`);
    storeStats.corrupt++;
    rmSync(entryPath(key), { force: true });
    return 0;
  }
  const failed = validate(entry);
  if (failed) {
    storeStats.rejected++;
    for (const ci of entry.code) {
      rejections.push({ cause: failed.cause, instance: ci.def, edge: failed.edge });
      // found while loading cached code: the report (--trace-invalidations) shows it with the method that caused it
      reportInvalidation(
        { method: failed.method, label: failed.cause },
        ci.def,
        [],
        'cached code found stale when loaded',
      );
    }
    return 0;
  }
  const w = world.current;
  for (const ci of entry.code) {
    const mi = ci.def;
    ci.min_world = w;
    ci.max_world = MAX_WORLD;
    mi.cache.unshift(ci);
    for (const e of ci.edges) {
      if (e instanceof MethodInstance) e.backedges.add(mi);
      else noMethodEdges.push({ sig: e, caller: mi });
    }
  }
  adoptNativeImage([
    new NativeModule(
      entry.code.map(ci => ci.def),
      entry.module,
    ),
  ]);
  stored.add(entry.module);
  entryInfo.set(entry.module, {
    key,
    instances: entry.code.map(ci => ci.def),
    deps: entry.deps,
  });
  storeStats.entries++;
  workCounters.cachedInstances += entry.code.length;
  return entry.code.length;
}

/** Why an entry is not valid in this session, or undefined: fingerprints first (one per function); the edges
 *  through a function whose fingerprint changed are checked one by one. */
function validate(entry: StoreEntry): { cause: string; method?: Method; edge: MethodInstance | JType } | undefined {
  const changed = new Set<MethodTable>();
  for (const [mt, fp] of entry.deps) if (fingerprint(mt) !== fp) changed.add(mt);
  if (!changed.size) return undefined;
  for (const mt of entry.strict)
    if (changed.has(mt)) return { cause: `a change to ${mt.name.name}`, edge: entry.code[0]!.def };
  for (const ci of entry.code)
    for (const e of ci.edges) {
      const mt = edgeTable(e);
      if (!mt || !changed.has(mt)) continue;
      if (e instanceof MethodInstance) {
        const spec = e.specTypes as DataType;
        const now = findMethod(
          mt,
          spec.parameters as DataType[],
          world.current,
          spec.parameters.map(paramKey).join('|'),
        );
        if (now && 'method' in now && now.method === e.def) continue;
        const by = now && 'method' in now ? now.method : undefined;
        return { cause: by ? describeMethod(by) : `a change to ${mt.name.name}`, method: by, edge: e };
      } else {
        const spec = unwrap(e) as DataType;
        // a call with abstract argument types depends on every method of the changed function it may reach
        if (!isConcreteSig(e)) return { cause: `a change to ${mt.name.name}`, edge: e };
        const now = findMethod(
          mt,
          spec.parameters as DataType[],
          world.current,
          spec.parameters.map(paramKey).join('|'),
        );
        if (!now) continue;
        const by = 'method' in now ? now.method : undefined;
        return { cause: by ? describeMethod(by) : `a change to ${mt.name.name}`, method: by, edge: e };
      }
    }
  return undefined;
}

const describeMethod = (m: Method): string => `${m.name.name} @ ${m.module.name.name} ${m.file}:${m.line}`;

/** builtins are named as the globals that hold them (stable_names.ts), so an entry never holds one itself */
const builtinImpl = (): undefined => undefined;

/** the instances whose stored code failed validation in this process: what invalidated them, and the edge */
export const rejections: { cause: string; instance: MethodInstance; edge: MethodInstance | JType }[] = [];

/** the store's entries and their total size, for `jolt precompile --status`-like reports and tests */
export function storeContents(): { entries: number; bytes: number } {
  const dir = join(storeState.dir, 'store');
  let entries = 0,
    bytes = 0;
  if (!existsSync(dir)) return { entries, bytes };
  for (const sub of readdirSync(dir))
    for (const f of readdirSync(join(dir, sub)))
      if (f.endsWith('.jce')) {
        entries++;
        bytes += readFileSync(join(dir, sub, f)).length;
      }
  return { entries, bytes };
}

codeCache.lookup = mi => lookupStored(mi);

/** `v` as bytes, naming the live session's objects (a package's recorded toplevel) */
export function encodeNamed(v: object): Uint8Array {
  return encodeGraph(v, freshCodec());
}
/** encodeNamed's value again, its names found in this session (Unresolvable when one is not there) */
export function decodeNamed(bytes: Uint8Array): unknown {
  return decodeGraph(bytes, freshCodec(), { builtin: builtinImpl });
}
/** plain data (arrays of byte arrays) as bytes and back */
const plainCodec: GraphCodec = { classes: imageClasses, sideTables: [] };
export const encodePlain = (v: object): Uint8Array => encodeGraph(v, plainCodec);
export const decodePlain = (bytes: Uint8Array): unknown => decodeGraph(bytes, plainCodec, { builtin: builtinImpl });
