// The control-flow graph (src/ir/cfg.ts), checked on random CodeInfo-shaped statement lists against definitions:
// edges agree both ways, blocks start where control flow says, and dominance equals "every path from the entry
// passes here" computed by brute force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Sym, Expr, type Value } from '../../src/runtime/values.ts';
import { GotoNode, GotoIfNot, ReturnNode, SSAValue } from '../../src/ir/nodes.ts';
import { CFG } from '../../src/ir/cfg.ts';

/** a statement list of length n: plain statements, jumps, branches, returns and handler entries */
const statements = fc.integer({ min: 1, max: 14 }).chain(n => {
  const label = fc.integer({ min: 1, max: n });
  const stmt: fc.Arbitrary<Value> = fc.oneof(
    { arbitrary: fc.constant(new Expr(Sym.of('call'), [])), weight: 4 },
    { arbitrary: label.map(l => new GotoNode(l)), weight: 1 },
    { arbitrary: label.map(l => new GotoIfNot(new SSAValue(1), l)), weight: 2 },
    { arbitrary: fc.constant(new ReturnNode(0n)), weight: 1 },
    { arbitrary: label.map(l => new Expr(Sym.of('enter'), [l])), weight: 1 },
  );
  return fc.array(stmt, { minLength: n, maxLength: n });
});

/** the blocks reachable from the entry when block `removed` is taken out of the graph */
function reachableWithout(cfg: CFG, removed: number): Set<number> {
  const seen = new Set<number>();
  const work = removed === 0 ? [] : [0];
  while (work.length) {
    const b = work.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    for (const s of cfg.successors(b)) if (s !== removed) work.push(s);
  }
  return seen;
}

test('successors and predecessors agree edge for edge', () => {
  fc.assert(
    fc.property(statements, code => {
      const cfg = new CFG(code);
      for (let b = 0; b < cfg.nblocks; b++)
        for (const s of new Set(cfg.successors(b))) {
          const out = cfg.successors(b).filter(x => x === s).length;
          const back = cfg.preds[s]!.filter(x => x === b).length;
          assert.equal(back, out, `edge ${b} -> ${s}`);
        }
      for (let b = 0; b < cfg.nblocks; b++)
        for (const p of new Set(cfg.preds[b])) assert.ok(cfg.successors(p).includes(b), `pred ${p} of ${b}`);
    }),
  );
});

test('blocks start at the entry, at jump, branch and catch targets and after control flow, and only there', () => {
  fc.assert(
    fc.property(statements, code => {
      const cfg = new CFG(code);
      const n = code.length;
      const starts = new Set(cfg.starts);
      assert.ok(starts.has(0));
      code.forEach((st, pc) => {
        const target =
          st instanceof GotoNode
            ? st.label
            : st instanceof GotoIfNot
              ? st.dest
              : st instanceof Expr && st.head.name === 'enter'
                ? (st.args[0] as number)
                : undefined;
        if (target !== undefined) assert.ok(starts.has(target - 1), `target of ${pc}`);
        if ((st instanceof GotoNode || st instanceof GotoIfNot || st instanceof ReturnNode) && pc + 1 < n)
          assert.ok(starts.has(pc + 1), `after ${pc}`);
      });
      // a start that is none of those would be a needless split
      for (const s of cfg.starts) {
        if (s === 0) continue;
        const prev = code[s - 1]!;
        const jumpedTo = code.some(
          st =>
            (st instanceof GotoNode && st.label === s + 1) ||
            (st instanceof GotoIfNot && st.dest === s + 1) ||
            (st instanceof Expr && st.head.name === 'enter' && st.args[0] === s + 1),
        );
        assert.ok(
          jumpedTo || prev instanceof GotoNode || prev instanceof GotoIfNot || prev instanceof ReturnNode,
          `needless start ${s}`,
        );
      }
      for (let pc = 0; pc < n; pc++) {
        const b = cfg.blockOf(pc);
        assert.ok(cfg.first(b) <= pc && pc <= cfg.last(b));
      }
    }),
  );
});

test('dominance is what every path from the entry passes, and idom is the closest strict dominator', () => {
  fc.assert(
    fc.property(statements, code => {
      const cfg = new CFG(code);
      const reach = reachableWithout(cfg, -1);
      for (let b = 0; b < cfg.nblocks; b++) assert.equal(cfg.reachable(b), reach.has(b), `reachable ${b}`);
      for (const b of reach) assert.ok(cfg.dominates(0, b), `entry dominates ${b}`);
      for (let a = 0; a < cfg.nblocks; a++) {
        if (!reach.has(a)) continue;
        const without = reachableWithout(cfg, a);
        for (const b of reach) assert.equal(cfg.dominates(a, b), a === b || !without.has(b), `${a} dom ${b}`);
      }
      for (const b of reach) {
        if (b === 0) continue;
        const d = cfg.idom[b]!;
        assert.ok(d !== b && cfg.dominates(d, b), `idom ${d} of ${b}`);
        for (const a of reach) if (a !== b && cfg.dominates(a, b)) assert.ok(cfg.dominates(a, d), `${a} above idom`);
      }
      // reverse postorder: each reachable block after the entry has a predecessor before it
      cfg.rpo.forEach((b, k) => {
        if (k > 0)
          assert.ok(
            cfg.preds[b]!.some(p => cfg.reachable(p) && cfg.rpoIndex[p]! < k),
            `rpo ${b}`,
          );
      });
    }),
  );
});

test('a block ending in a statement that never completes has no fall-through', () => {
  const code: Value[] = [new Expr(Sym.of('call'), []), new GotoIfNot(new SSAValue(1), 4), new Expr(Sym.of('call'), [])];
  code.push(new ReturnNode(0n));
  const plain = new CFG(code),
    stops = new CFG(code, { terminates: pc => pc === 2 });
  assert.deepEqual(plain.succs[1], [2]);
  assert.deepEqual(stops.succs[1], []);
  assert.deepEqual(plain.preds[2], [0, 1]);
  assert.deepEqual(stops.preds[2], [0]);
});
