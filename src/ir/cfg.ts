// The control-flow graph of a CodeInfo: basic blocks, their edges, reverse postorder and dominators. One definition
// of "block" for everything that reads control flow (the IR printer, definite assignment, the optimizer's passes,
// code generation), so they all number blocks alike.
//
// Statement indices here are 0-based (`pc`); labels in the IR (GotoNode.label, GotoIfNot.dest, the operand of
// `Expr(:enter, label)`) are 1-based, as in Julia.
import { Expr, type Value } from '../runtime/values.ts';
import { GotoNode, GotoIfNot, ReturnNode } from './nodes.ts';

export interface CFGOptions {
  /** statements that never complete normally (a call inferred to return Bottom, say): a block that ends with one
   *  has no fall-through successor. Without it every non-control statement falls through. */
  terminates?: (pc: number) => boolean;
}

/** the catch label (1-based) of an `Expr(:enter, label)`, or undefined for any other statement */
export function enterTarget(st: Value | undefined): number | undefined {
  return st instanceof Expr && st.head.name === 'enter' ? (st.args[0] as number) : undefined;
}

export class CFG {
  /** number of statements */
  readonly length: number;
  /** per block, the pc of its first statement, ascending (block 0 is the entry) */
  readonly starts: readonly number[];
  /** per block, its successors by ordinary control flow: a GotoIfNot's fall-through comes before its target. A
   *  branch whose target is its own fall-through lists that block twice: edges are counted, not deduplicated. */
  readonly succs: readonly (readonly number[])[];
  /** per block, the catch blocks of the `enter`s in it, outermost first: the edge a throw inside the try takes */
  readonly catchSuccs: readonly (readonly number[])[];
  /** per block, the blocks with an edge (ordinary or to a catch block) into it, once per edge */
  readonly preds: readonly (readonly number[])[];
  /** the blocks reachable from the entry, in reverse postorder of a depth-first walk that takes catch edges first
   *  (so a catch block, and what follows its try, is finished before the try's body) */
  readonly rpo: readonly number[];
  /** per block, its position in `rpo`, or -1 when it is unreachable */
  readonly rpoIndex: readonly number[];
  /** per block, its immediate dominator (the entry's is itself), or -1 when it is unreachable */
  readonly idom: readonly number[];
  readonly #blockOf: number[];

  constructor(code: readonly Value[], opts: CFGOptions = {}) {
    const n = code.length;
    this.length = n;
    const startSet = new Set<number>(n ? [0] : []);
    const mark = (pc: number): void => {
      if (pc >= 0 && pc < n) startSet.add(pc);
    };
    code.forEach((st, pc) => {
      if (st instanceof GotoNode) mark(st.label - 1);
      else if (st instanceof GotoIfNot) mark(st.dest - 1);
      const h = enterTarget(st);
      if (h !== undefined) mark(h - 1);
      if (st instanceof GotoNode || st instanceof GotoIfNot || st instanceof ReturnNode) mark(pc + 1);
    });
    const starts = [...startSet].sort((a, b) => a - b);
    this.starts = starts;
    const nb = starts.length;
    const blockOf: number[] = new Array<number>(n);
    starts.forEach((f, b) => {
      for (let pc = f; pc < (starts[b + 1] ?? n); pc++) blockOf[pc] = b;
    });
    this.#blockOf = blockOf;
    const target = (pc: number): number[] => (pc >= 0 && pc < n ? [blockOf[pc]!] : []);
    this.succs = starts.map((_, b) => {
      const last = this.last(b);
      const st = code[last]!;
      if (st instanceof GotoNode) return target(st.label - 1);
      if (st instanceof GotoIfNot) return [...target(last + 1), ...target(st.dest - 1)];
      if (st instanceof ReturnNode || opts.terminates?.(last)) return [];
      return target(last + 1);
    });
    const catchSuccs: number[][] = starts.map(() => []);
    code.forEach((st, pc) => {
      const h = enterTarget(st);
      if (h !== undefined && h - 1 < n) catchSuccs[blockOf[pc]!]!.push(blockOf[h - 1]!);
    });
    this.catchSuccs = catchSuccs;
    const preds: number[][] = starts.map(() => []);
    for (let b = 0; b < nb; b++) for (const s of this.successors(b)) preds[s]!.push(b);
    this.preds = preds;
    // reverse postorder (iterative, so a long chain of blocks cannot overflow the stack)
    const post: number[] = [];
    const seen = new Array<boolean>(nb).fill(false);
    if (nb) {
      const stack: { b: number; next: number }[] = [{ b: 0, next: 0 }];
      seen[0] = true;
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const out = this.successors(top.b);
        if (top.next < out.length) {
          const s = out[top.next++]!;
          if (!seen[s]) {
            seen[s] = true;
            stack.push({ b: s, next: 0 });
          }
        } else {
          post.push(top.b);
          stack.pop();
        }
      }
    }
    const rpo = post.reverse();
    this.rpo = rpo;
    const rpoIndex = new Array<number>(nb).fill(-1);
    rpo.forEach((b, k) => {
      rpoIndex[b] = k;
    });
    this.rpoIndex = rpoIndex;
    // immediate dominators: Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm"
    const idom = new Array<number>(nb).fill(-1);
    if (nb) idom[0] = 0;
    const intersect = (a: number, b: number): number => {
      while (a !== b) {
        while (rpoIndex[a]! > rpoIndex[b]!) a = idom[a]!;
        while (rpoIndex[b]! > rpoIndex[a]!) b = idom[b]!;
      }
      return a;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const b of rpo) {
        if (b === 0) continue;
        let d = -1;
        for (const p of preds[b]!) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
        if (d !== idom[b]) {
          idom[b] = d;
          changed = true;
        }
      }
    }
    this.idom = idom;
  }

  get nblocks(): number {
    return this.starts.length;
  }
  /** the block of statement pc */
  blockOf(pc: number): number {
    return this.#blockOf[pc]!;
  }
  /** the pc of block b's first statement */
  first(b: number): number {
    return this.starts[b]!;
  }
  /** the pc of block b's last statement */
  last(b: number): number {
    return (this.starts[b + 1] ?? this.length) - 1;
  }
  /** ordinary and catch successors: catch edges first, the order of the depth-first walk */
  successors(b: number): readonly number[] {
    const c = this.catchSuccs[b]!;
    return c.length ? [...c, ...this.succs[b]!] : this.succs[b]!;
  }
  reachable(b: number): boolean {
    return this.rpoIndex[b] !== -1;
  }
  /** whether every path from the entry to block b passes block a (every block dominates itself). An unreachable
   *  block is dominated by itself only, and dominates nothing else. */
  dominates(a: number, b: number): boolean {
    if (a === b) return true;
    if (!this.reachable(a) || !this.reachable(b)) return false;
    for (let x = b; x !== 0;) {
      x = this.idom[x]!;
      if (x === a) return true;
    }
    return false;
  }
  /** an edge from `from` to `to` that goes back in reverse postorder (a loop's back edge, in a reducible graph) */
  isBackEdge(from: number, to: number): boolean {
    return this.rpoIndex[to]! <= this.rpoIndex[from]!;
  }
}
