// Invalidation reports (`jolt --trace-invalidations`, `jolt invalidations script.jl`, `Base.trace_invalidations`):
// what SnoopCompile's `invalidation_trees` shows for Julia, built in. Whoever invalidates code tells the recorder
// what it invalidated and why: inference's `invalidate` (a method was inserted or replaced), and any other part of
// Jolt that finds stale code (a precompile cache whose instances fail validation at load) through
// `reportInvalidation`. Reports are grouped by cause (the method to blame, or a label when no method is), each cause
// holding the roots it invalidated directly and, beneath each root, the callers invalidated through backedges.
//
// Recording is off unless asked for: `recorder.on` is the one test the invalidation code makes, and nothing is
// allocated for reports while it is false.
import { T, type Module } from './values.ts';
import { isTopModule } from './modules.ts';
import { DataType, type JType } from './types.ts';
import { unwrap } from './apply_type.ts';
import { showType } from './show_type.ts';
import { methodSignature } from './methodshow.ts';
import { registerForeign } from './foreign.ts';
import { utf8Encode } from './utf8.ts';
import type { Method, MethodInstance } from './methods.ts';

/** What invalidated code: `method` when a method is to blame (shown with its signature and location), `label` the
 *  verb shown before it (`inserting`, `replacing`) or, without a method, the whole description
 *  (`loading the cache of A`). Reports with the same method, or the same label and no method, form one block. */
export interface InvalidationCause {
  method?: Method;
  label: string;
}
/** An invalidated instance and the callers invalidated because they depended on it. */
export interface InvalidationNode {
  mi: MethodInstance;
  children: InvalidationNode[];
}
/** How a root came to be invalidated: `backedges` (a method more specific than the one the root's instance belongs
 *  to now covers it: `superseded` is that older method), `mt_backedges` (a call signature that matched no method,
 *  or several, now matches the new one: `signature`), or any other kind a reporter names (`stale`). */
export interface InvalidationRoot {
  kind: string;
  node: InvalidationNode;
  superseded?: Method;
  signature?: JType;
  /** free text shown after the kind for roots of other kinds */
  reason?: string;
}
export interface InvalidationTree {
  cause: InvalidationCause;
  roots: InvalidationRoot[];
}

/** `on` while any consumer records; `starts` holds where each consumer's reports begin in `trees` (consumers nest:
 *  the whole run under --trace-invalidations, a `Base.trace_invalidations` call inside it) */
export const recorder = { on: false, starts: [] as number[], trees: [] as InvalidationTree[] };

/** Starts recording for one consumer. */
export function startRecording(): void {
  recorder.starts.push(recorder.trees.length);
  recorder.on = true;
}
/** Stops the innermost consumer's recording; returns the reports made since it started. */
export function stopRecording(): InvalidationTree[] {
  const from = recorder.starts.pop() ?? 0;
  const out = recorder.trees.slice(from);
  recorder.on = recorder.starts.length > 0;
  if (!recorder.on) recorder.trees.length = 0;
  return out;
}

/** The block of `cause` among the innermost consumer's reports (made on first use). */
export function treeFor(cause: InvalidationCause): InvalidationTree {
  const from = recorder.starts[recorder.starts.length - 1] ?? 0;
  for (let k = recorder.trees.length - 1; k >= from; k--) {
    const t = recorder.trees[k]!;
    if (cause.method ? t.cause.method === cause.method : !t.cause.method && t.cause.label === cause.label) return t;
  }
  const t: InvalidationTree = { cause, roots: [] };
  recorder.trees.push(t);
  return t;
}

/**
 * Reports code found invalid outside method insertion: for instance, a precompile cache whose cached instance of
 * `root` fails validation when loaded (one of its edges now dispatches elsewhere). `cause` says what to blame (the
 * method that took over the call, when known, with `label` its verb; else `label` alone); `children` are the
 * instances invalidated because they depended on `root` (plain instances, or nodes with their own dependents);
 * `reason`, when given, is shown before the root (`stale: 1: <reason>: MethodInstance for ...`). Calls with the same
 * cause are shown as one block. Does nothing unless a report is being recorded (`recorder.on`), so a caller may also test
 * that first to skip working out `children`.
 *
 *   reportInvalidation({ label: 'loading the cache of A' }, mi, [callerMi], 'its call g(::Int64) now dispatches elsewhere')
 */
export function reportInvalidation(
  cause: InvalidationCause,
  root: MethodInstance,
  children: readonly (MethodInstance | InvalidationNode)[] = [],
  reason?: string,
): void {
  if (!recorder.on) return;
  const node: InvalidationNode = {
    mi: root,
    children: children.map(c => ('mi' in c ? c : { mi: c, children: [] })),
  };
  treeFor(cause).roots.push({ kind: 'stale', node, ...(reason === undefined ? {} : { reason }) });
}

// ------------------------------------------------------------------ the report

/** instances in a tree, its root included */
export function nodeCount(n: InvalidationNode): number {
  let k = 1;
  for (const c of n.children) k += nodeCount(c);
  return k;
}
export function treeCount(t: InvalidationTree): number {
  return t.roots.reduce((s, r) => s + nodeCount(r.node), 0);
}

/** `f` for a function of Main, Base or Core, else qualified by its module's path (`A.f`, `A.Inner.f`; a package
 *  is a top-level module) */
function functionName(mi: MethodInstance): string {
  const m = mi.def;
  const self = (unwrap(mi.specTypes) as DataType).parameters[0];
  if (self instanceof DataType && self.name === T.Type?.name) return showType(self.parameters[0]!);
  // a callable object that is not the function itself (a closure) is shown by its type: `(::var"#anon#3"{Int64})`
  if (self instanceof DataType && self.name.name.name !== '#' + m.name.name) return `(::${showType(self)})`;
  const path: string[] = [];
  for (let mod: Module | null = m.module; mod; mod = mod.parent) {
    const top = isTopModule(mod);
    if (top && ['Main', 'Base', 'Core'].includes(mod.name.name) && (!path.length || mod.name.name === 'Main')) break;
    path.unshift(mod.name.name);
    if (top) break;
  }
  // generated names (keyword bodies `#f#kw3`) are not identifiers
  const name = m.name.name.startsWith('#') ? `var"${m.name.name}"` : m.name.name;
  return [...path, name].join('.');
}

/** `MethodInstance for f(::Int64, ::String)` */
export function showMethodInstance(mi: MethodInstance): string {
  const ps = mi.specTypes instanceof DataType ? (mi.specTypes.parameters.slice(1) as JType[]) : [];
  return `MethodInstance for ${functionName(mi)}(${ps.map(p => '::' + showType(p)).join(', ')})`;
}

/** `f(x::Int64) @ Main file.jl:3`, as `show(::Method)` prints it on one line */
export function showMethodAt(m: Method): string {
  return `${methodSignature(m)} @ ${m.module.name.name} ${m.file}:${m.line}`;
}

const children = (n: number): string => `(${n} ${n === 1 ? 'child' : 'children'})`;

/** what a root line says before its instance */
function rootText(r: InvalidationRoot): string {
  if (r.kind === 'backedges' && r.superseded) return `superseding ${showMethodAt(r.superseded)} with `;
  if (r.kind === 'mt_backedges' && r.signature) return `signature ${showType(r.signature)} triggered `;
  return r.reason ? `${r.reason}: ` : '';
}

/** the order of root kinds in a block: SnoopCompile's two, then the others as they came */
const kindRank = (k: string): number => (k === 'mt_backedges' ? 0 : k === 'backedges' ? 1 : 2);

/** One block of the report: the cause, then each kind of root with its numbered roots (most instances first) and
 *  the tree of dependents beneath each root, one more space of indent per level. */
export function formatTree(t: InvalidationTree): string {
  const n = treeCount(t);
  const head = t.cause.method ? `${t.cause.label} ${showMethodAt(t.cause.method)}` : t.cause.label;
  const lines = [`${head} invalidated ${n} ${n === 1 ? 'instance' : 'instances'}:`];
  const kinds = [...new Set(t.roots.map(r => r.kind))].sort((a, b) => kindRank(a) - kindRank(b));
  for (const kind of kinds) {
    // stable sort: equal counts keep the order they were found in
    const roots = t.roots.filter(r => r.kind === kind).sort((a, b) => nodeCount(b.node) - nodeCount(a.node));
    const label = `   ${kind}: `;
    roots.forEach((r, k) => {
      const num = `${k + 1}: `;
      const lead = (k === 0 ? label : ' '.repeat(label.length)) + num;
      lines.push(`${lead}${rootText(r)}${showMethodInstance(r.node.mi)} ${children(nodeCount(r.node) - 1)}`);
      const indent = ' '.repeat(label.length + num.length);
      const walk = (c: InvalidationNode, depth: number): void => {
        lines.push(`${indent}${' '.repeat(depth)}${showMethodInstance(c.mi)} ${children(nodeCount(c) - 1)}`);
        for (const g of c.children) walk(g, depth + 1);
      };
      for (const c of r.node.children) walk(c, 1);
    });
  }
  return lines.join('\n') + '\n';
}

/** The whole report: one block per cause, the cause that invalidated most instances first (ties in the order they
 *  happened), or one line when nothing was invalidated. */
export function formatReport(trees: readonly InvalidationTree[]): string {
  const live = trees.filter(t => t.roots.length);
  if (!live.length) return 'no invalidations: no compiled code was invalidated\n';
  return live
    .map((t, k) => ({ t, k, n: treeCount(t) }))
    .sort((a, b) => b.n - a.n || a.k - b.k)
    .map(x => formatTree(x.t))
    .join('\n');
}

// Base.trace_invalidations(f): the report of what running f() invalidated, as a String
registerForeign('jl_invalidations_start', () => {
  startRecording();
  return T.Nothing!.instance!;
});
registerForeign('jl_invalidations_stop', () => utf8Encode(formatReport(stopRecording())));
