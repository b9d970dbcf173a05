// Control flow of a function being compiled: the CodeInfo's basic blocks, their dominator tree, the exception
// handlers in force in each, and the structuring that rebuilds wasm's nested blocks from the gotos.
//
// Structuring uses the dominator-tree method for reducible graphs: a loop header becomes a `loop`, a block reached
// from several places becomes the code after a `block` that the branches leave, and everything else nests inside
// its dominator.
import { Expr, type Value } from '../runtime/values.ts';
import { SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { Bottom, type JType } from '../runtime/types.ts';
import { forEachSlotRead } from '../ir/definite_assignment.ts';
import { NotCompilable } from './not_compilable.ts';

/** the basic blocks of a CodeInfo's statements and what structuring and handlers need to know of them */
export interface BlockGraph {
  /** each block's first statement (0-based pc), in code order */
  firsts: number[];
  /** the block of each statement */
  blockOf: number[];
  /** normal successors of each block (fallthrough first for a conditional) */
  succs: number[][];
  /** each block's exception edges: the catch blocks of the `enter`s in it */
  excSuccs: number[][];
  /** catch block -> block of its enter */
  handlerOf: Map<number, number>;
  /** reverse postorder from the entry, and each block's place in it (-1: unreachable) */
  rpo: number[];
  order: number[];
  preds: number[][];
  /** immediate dominators (-1: unreachable) */
  idom: number[];
  /** handler depth at each block's entry */
  depthIn: number[];
  /** pc of an enter -> handler depth once it has run */
  enterDepth: Map<number, number>;
  maxDepth: number;
}

/** the last statement (0-based pc) of block b */
export const lastOf = (g: BlockGraph, b: number, n: number): number => (g.firsts[b + 1] ?? n) - 1;

/** Splits `code` into blocks, orders them and finds their dominators and handler depths. Throws NotCompilable for
 *  control flow the structuring cannot express. */
export function blockGraph(code: readonly Value[], types: readonly JType[]): BlockGraph {
  const n = code.length;
  const starts = new Set<number>([0]);
  code.forEach((s, pc) => {
    if (s instanceof GotoNode) {
      starts.add(s.label - 1);
      starts.add(pc + 1);
    } else if (s instanceof GotoIfNot) {
      starts.add(s.dest - 1);
      starts.add(pc + 1);
    } else if (s instanceof ReturnNode) starts.add(pc + 1);
    else if (s instanceof Expr && s.head.name === 'enter') starts.add((s.args[0] as number) - 1);
  });
  const firsts = [...starts].filter(x => x < n).sort((a, b) => a - b);
  const nb = firsts.length;
  const blockOf: number[] = new Array(n);
  firsts.forEach((f, b) => {
    for (let pc = f; pc < (firsts[b + 1] ?? n); pc++) blockOf[pc] = b;
  });
  const last = (b: number): number => (firsts[b + 1] ?? n) - 1;
  const succs: number[][] = firsts.map((_, b) => {
    const s = code[last(b)]!;
    if (s instanceof GotoNode) return [blockOf[s.label - 1]!];
    if (s instanceof GotoIfNot) return [blockOf[last(b) + 1]!, blockOf[s.dest - 1]!].filter(x => x !== undefined);
    if (s instanceof ReturnNode) return [];
    if (s instanceof Expr && types[last(b)] === Bottom) return [];
    return last(b) + 1 < n ? [blockOf[last(b) + 1]!] : [];
  });
  // reverse postorder from the entry
  const rpo: number[] = [],
    order: number[] = new Array(nb).fill(-1);
  const seen = new Set<number>();
  // Exception handlers (`enter L`): the block of the enter gets an edge to its catch block, first, and outer
  // handlers before inner ones. The walk therefore finishes a catch block (and what follows the try) before the
  // try's body, so the catch block is placed after, and outside, every block of the body it protects (see
  // structure below).
  const excSuccs: number[][] = firsts.map(() => []);
  const handlerOf = new Map<number, number>();
  code.forEach((s, pc) => {
    if (!(s instanceof Expr && s.head.name === 'enter')) return;
    const h = blockOf[(s.args[0] as number) - 1]!;
    if (handlerOf.has(h)) throw new NotCompilable('catch block shared by two handlers');
    handlerOf.set(h, blockOf[pc]!);
    excSuccs[blockOf[pc]!]!.push(h);
  });
  const allSuccs = (b: number): number[] => (excSuccs[b]!.length ? [...excSuccs[b]!, ...succs[b]!] : succs[b]!);
  const dfs = (b: number): void => {
    seen.add(b);
    for (const s of allSuccs(b)) if (!seen.has(s)) dfs(s);
    rpo.push(b);
  };
  dfs(0);
  rpo.reverse();
  rpo.forEach((b, k) => {
    order[b] = k;
  });
  const preds: number[][] = firsts.map(() => []);
  for (const b of rpo) for (const s of allSuccs(b)) preds[s]!.push(b);
  // immediate dominators (Cooper, Harvey and Kennedy)
  const idom: number[] = new Array(nb).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! > order[b]!) a = idom[a]!;
      while (order[b]! > order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of rpo.slice(1)) {
      let d = -1;
      for (const p of preds[b]!) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[b]) {
        idom[b] = d;
        changed = true;
      }
    }
  }
  const isBack = (from: number, to: number): boolean => order[to]! <= order[from]!;
  // a catch block is placed among the blocks its enter dominates (a jump to it that the optimizer left on a dead
  // path is fine; one from elsewhere is not)
  for (const [h, from] of handlerOf) if (idom[h] !== from) throw new NotCompilable('catch block outside its try');
  // handler depth at each block's entry, and of each enter: Julia's handlers nest statically
  const depthIn: number[] = new Array(nb).fill(-1);
  const enterDepth = new Map<number, number>();
  depthIn[0] = 0;
  for (const b of rpo) {
    let d = depthIn[b]!;
    if (d < 0) continue;
    for (let pc = firsts[b]!; pc <= last(b); pc++) {
      const st = code[pc];
      if (!(st instanceof Expr)) continue;
      if (st.head.name === 'enter') {
        enterDepth.set(pc, ++d);
        const h = blockOf[(st.args[0] as number) - 1]!;
        if (depthIn[h]! >= 0 && depthIn[h] !== d - 1) throw new NotCompilable('handler depth');
        depthIn[h] = d - 1;
      } else if (st.head.name === 'leave') d -= Number(st.args[0] as bigint | number);
    }
    for (const s of succs[b]!) {
      if (depthIn[s]! >= 0 && depthIn[s] !== d && !isBack(b, s)) throw new NotCompilable('handler depth');
      if (depthIn[s]! < 0) depthIn[s] = d;
    }
  }
  const maxDepth = Math.max(0, ...enterDepth.values());
  const g: BlockGraph = {
    firsts,
    blockOf,
    succs,
    excSuccs,
    handlerOf,
    rpo,
    order,
    preds,
    idom,
    depthIn,
    enterDepth,
    maxDepth,
  };
  for (const b of rpo)
    for (const s of succs[b]!)
      if (isBack(b, s) && !dominatesBlock(idom, s, b)) throw new NotCompilable('irreducible control flow');
  return g;
}

function dominatesBlock(idom: number[], a: number, b: number): boolean {
  for (let x = b; ; x = idom[x]!) {
    if (x === a) return true;
    if (x === 0 || x === -1) return a === 0 && x === 0;
  }
}

/** Locals a read may find unassigned: a forward "definitely assigned" analysis over the blocks (arguments start
 *  assigned; a NewvarNode makes a local unassigned again; a catch block assumes only what its enter's block had at
 *  its start). `reads` holds such reads as `pc:slot`; `flagged` the locals that therefore keep a flag ($def<id>)
 *  that their assignments set. */
export function maybeUndefinedReads(
  g: BlockGraph,
  code: readonly Value[],
  nargSlots: number,
): { reads: Set<string>; flagged: Set<number> } {
  const n = code.length;
  const reads = new Set<string>(),
    flagged = new Set<number>();
  const entry: (Set<number> | undefined)[] = new Array(g.firsts.length).fill(undefined);
  entry[0] = new Set(Array.from({ length: nargSlots }, (_, k) => k + 1));
  const through = (b: number, at: Set<number>, onRead?: (pc: number, id: number) => void): Set<number> => {
    const d = new Set(at);
    for (let pc = g.firsts[b]!; pc <= lastOf(g, b, n); pc++) {
      const stmt = code[pc]!;
      if (onRead)
        forEachSlotRead(stmt, id => {
          if (!d.has(id)) onRead(pc, id);
        });
      if (stmt instanceof NewvarNode) d.delete(stmt.slot.id);
      else if (stmt instanceof Expr && stmt.head.name === '=' && stmt.args[0] instanceof SlotNumber)
        d.add(stmt.args[0].id);
    }
    return d;
  };
  const meet = (b: number, d: Set<number>): boolean => {
    const old = entry[b];
    if (!old) {
      entry[b] = new Set(d);
      return true;
    }
    let changed = false;
    for (const id of old)
      if (!d.has(id)) {
        old.delete(id);
        changed = true;
      }
    return changed;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of g.rpo) {
      if (!entry[b]) continue;
      const out = through(b, entry[b]!);
      for (const sc of g.succs[b]!) if (meet(sc, out)) changed = true;
      for (const h of g.excSuccs[b]!) if (meet(h, entry[b]!)) changed = true;
    }
  }
  for (const b of g.rpo)
    if (entry[b])
      through(b, entry[b]!, (pc, id) => {
        reads.add(`${pc}:${id}`);
        flagged.add(id);
      });
  return { reads, flagged };
}

/** What structuring asks of the function emitter, block by block. */
export interface BlockEmitter {
  /** the code of block b's statements, its terminator left out */
  body(b: number): string;
  /** the code of block b's terminator; `branch` is the code that goes to a successor */
  terminator(b: number, branch: (to: number) => string): string;
  /** the code that takes the exception caught by handler depth d into catch block y (and then branches to it) */
  catchException(y: number, d: number): string;
}

/** The function's body as nested wasm blocks, loops and trys (dominator-tree structuring). */
export function structure(g: BlockGraph, e: BlockEmitter): string {
  const { order, preds, idom, rpo, handlerOf } = g;
  const isBack = (from: number, to: number): boolean => order[to]! <= order[from]!;
  const loopHeader = (b: number): boolean => preds[b]!.some(p => isBack(p, b));
  const mergeNode = (b: number): boolean => preds[b]!.filter(p => !isBack(p, b)).length >= 2;
  const children = (b: number): number[] => rpo.filter(c => c !== 0 && c !== b && idom[c] === b);
  const doTree = (x: number): string => {
    const ys = children(x)
      .filter(y => mergeNode(y) || handlerOf.has(y))
      .sort((a, b) => order[b]! - order[a]!);
    const inner = nodeWithin(x, ys);
    return loopHeader(x) ? `(loop $L${x} ${inner})` : inner;
  };
  const nodeWithin = (x: number, ys: number[]): string => {
    if (ys.length === 0) {
      const branch = (to: number): string =>
        isBack(x, to) || mergeNode(to) ? `(br ${isBack(x, to) ? '$L' : '$B'}${to})` : doTree(to);
      return `${e.body(x)} ${e.terminator(x, branch)}`;
    }
    const [y, ...rest] = ys;
    if (handlerOf.get(y!) === x) {
      // A try around what precedes the catch block y here. It may cover more than the handler's extent (code before
      // the enter, after the leave): the catch takes the exception only while this handler is the innermost one
      // (the depth and the handler at that depth say so), and rethrows it otherwise.
      const d = g.depthIn[y!]! + 1;
      const mine = `(i32.and (i32.eq (local.get $hd) (i32.const ${d})) (i32.eq (local.get $h${d}) (i32.const ${y})))`;
      const take = e.catchException(y!, d);
      return (
        `(block $B${y} (try $T${y} (do ${nodeWithin(x, rest)}) ` +
        `(catch $jstag (local.set $exn (pop externref)) (if ${mine} (then ${take})) (rethrow $T${y})))) ${doTree(y!)}`
      );
    }
    return `(block $B${y} ${nodeWithin(x, rest)}) ${doTree(y!)}`;
  };
  return doTree(0);
}
