// The IR's own nodes (Core.SSAValue, Core.SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode): statements and
// operands of a CodeInfo are Jolt values, as in Julia, so these are JObjs whose Jolt types bootstrap.ts makes (`T`).
// Expr, QuoteNode, LineNumberNode and GlobalRef are not here: they are also ordinary values of running programs, built
// by the parser (below the IR) and by macros and quoted code, and taken apart by builtins such as getfield, so they
// live with the object model in src/runtime/values.ts.
import { JObj, T, type Value } from '../runtime/values.ts';
import type { DataType } from '../runtime/types.ts';

export class SSAValue extends JObj {
  readonly id: number;
  constructor(id: number) {
    super();
    this.id = id;
  } // 1-based statement index
  get jtype(): DataType {
    return T.SSAValue!;
  }
}
export class SlotNumber extends JObj {
  readonly id: number;
  constructor(id: number) {
    super();
    this.id = id;
  } // 1-based; slot 1 is the function itself (#self#)
  get jtype(): DataType {
    return T.SlotNumber!;
  }
}
export class GotoNode extends JObj {
  readonly label: number;
  constructor(label: number) {
    super();
    this.label = label;
  } // target statement index (1-based)
  get jtype(): DataType {
    return T.GotoNode!;
  }
}
export class GotoIfNot extends JObj {
  readonly cond: Value;
  readonly dest: number;
  constructor(cond: Value, dest: number) {
    super();
    this.cond = cond;
    this.dest = dest;
  }
  get jtype(): DataType {
    return T.GotoIfNot!;
  }
}
export class ReturnNode extends JObj {
  readonly val: Value;
  constructor(val: Value) {
    super();
    this.val = val;
  }
  get jtype(): DataType {
    return T.ReturnNode!;
  }
}
export class NewvarNode extends JObj {
  readonly slot: SlotNumber;
  constructor(slot: SlotNumber) {
    super();
    this.slot = slot;
  }
  get jtype(): DataType {
    return T.NewvarNode!;
  }
}
