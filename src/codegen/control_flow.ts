// Control flow of a function being compiled: the CodeInfo's basic blocks, their dominator tree, the exception
// handlers in force in each, and the structuring that rebuilds wasm's nested blocks from the gotos.
//
// Structuring uses the dominator-tree method for reducible graphs: a loop header becomes a `loop`, a block reached
// from several places becomes the code after a `block` that the branches leave, and everything else nests inside
// its dominator.
import { Expr, type Value } from '../runtime/values.ts';
import { Bottom, type JType } from '../runtime/types.ts';
import { maybeUnassignedReads } from '../ir/definite_assignment.ts';
import { CFG, enterTarget } from '../ir/cfg.ts';
import { NotCompilable } from './not_compilable.ts';

/** the basic blocks of a CodeInfo's statements and what structuring and handlers need to know of them */
export interface BlockGraph {
  /** the control-flow graph the rest is read from */
  cfg: CFG;
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

/** Splits `code` into blocks (src/ir/cfg.ts: the one definition of blocks, edges, order and dominators), and
 *  finds what structuring adds: each catch block's enter and the handler depths. A call inferred to return Bottom
 *  ends its block. Throws NotCompilable for control flow the structuring cannot express. */
export function blockGraph(code: readonly Value[], types: readonly JType[]): BlockGraph {
  const n = code.length;
  const cfg = new CFG(code, { terminates: pc => code[pc] instanceof Expr && types[pc] === Bottom });
  const firsts = [...cfg.starts];
  const nb = firsts.length;
  const blockOf = Array.from({ length: n }, (_, pc) => cfg.blockOf(pc));
  const last = (b: number): number => cfg.last(b);
  const succs = cfg.succs.map(s => [...s]);
  // Exception handlers (`enter L`): the block of the enter has an edge to its catch block, first, and outer
  // handlers before inner ones. The walk therefore finishes a catch block (and what follows the try) before the
  // try's body, so the catch block is placed after, and outside, every block of the body it protects (see
  // structure below).
  const excSuccs = cfg.catchSuccs.map(s => [...s]);
  const handlerOf = new Map<number, number>();
  code.forEach((s, pc) => {
    const label = enterTarget(s);
    if (label === undefined) return;
    const h = blockOf[label - 1]!;
    if (handlerOf.has(h)) throw new NotCompilable('catch block shared by two handlers');
    handlerOf.set(h, blockOf[pc]!);
  });
  const rpo = [...cfg.rpo];
  const order = [...cfg.rpoIndex];
  // structuring counts the edges from reachable blocks only
  const preds = cfg.preds.map(ps => ps.filter(p => cfg.reachable(p)));
  const idom = [...cfg.idom];
  const isBack = (from: number, to: number): boolean => cfg.isBackEdge(from, to);
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
  for (const b of rpo)
    for (const s of succs[b]!)
      if (isBack(b, s) && !cfg.dominates(s, b)) throw new NotCompilable('irreducible control flow');
  return { cfg, firsts, blockOf, succs, excSuccs, handlerOf, rpo, order, preds, idom, depthIn, enterDepth, maxDepth };
}

/** Locals a read may find unassigned (src/ir/definite_assignment.ts): `reads` holds such reads as `pc:slot`;
 *  `flagged` the locals that therefore keep a flag ($def<id>) that their assignments set. */
export function maybeUndefinedReads(
  g: BlockGraph,
  code: readonly Value[],
  nargSlots: number,
): { reads: Set<string>; flagged: Set<number> } {
  return maybeUnassignedReads(code, nargSlots, g.cfg);
}

/** What structuring asks of the function emitter, block by block. */
export interface BlockEmitter {
  /** the code of block b's statements, its terminator left out */
  body(b: number): string;
  /** the code of block b's terminator; `branch` is the code that goes to a successor */
  terminator(b: number, branch: (to: number) => string): string;
  /** the code that takes the exception caught by handler depth d into catch block y (and then branches to it) */
  catchException(y: number, d: number): string;
  /** the test made at the top of each iteration of the loop headed by block b: when true, `loopExit(b)` runs
   *  instead (a SIGINT or memory check) */
  loopCheck(b: number): string;
  /** what runs when the loop check is true; it throws, or returns for the iteration to be made */
  loopExit(b: number): string;
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
    if (!loopHeader(x)) return inner;
    // The check leaves the loop to run its exit code beside it, not in it: a call inside the loop's body, even one
    // never taken, makes V8 keep the loop's values in memory across it. Beside the loop, the exit code is under
    // the same exception handlers; when it returns, the loop is entered again at its header.
    const loop = `(loop $L${x} (br_if $X${x} ${e.loopCheck(x)}) ${inner})`;
    return `(block $O${x} (loop $R${x} (block $X${x} ${loop} (br $O${x})) ${e.loopExit(x)} (br $R${x})))`;
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
