// The state of lowering one lambda (a method body or a toplevel thunk): the CodeInfo being emitted, its slots,
// how captured locals are held, the loops, handlers and finally blocks open, and the where-variables in scope.
import { sym, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber } from '../ir/nodes.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import type { val } from './linearize.ts';

export interface Loop {
  breaks: number[];
  continues: number[];
  handlerDepth: number;
}

export interface Finally {
  exit: SlotNumber;
  val: SlotNumber;
  depth: number;
  jumps: number[];
  exits: ('break' | 'continue')[];
}

/** state for lowering one lambda body (a method body or a toplevel thunk) */
export class Lambda {
  ci = new CodeInfo();
  slots = new Map<string, number>();
  boxed = new Set<string>(); // locals that live in a Core.Box
  /** boxed locals that only this lambda assigns (its closures just read them): the lambda keeps the value in the
   *  local's own slot as well, and reads that (typed by what it stores); the Box, in slot `boxSlot(name)`, is
   *  written alongside for the closures */
  mirrored = new Set<string>();
  /** arguments and static parameters that nested functions capture but nothing assigns, and locals assigned once
   *  before any closure mentions them: a closure holds their value itself, in a field whose type is a parameter of
   *  the closure type (so its body infers) */
  byValue = new Set<string>();
  declTypes = new Map<string, Value>(); // locals declared `x::T`: every assignment converts to T
  captured: string[] = []; // closure fields (names captured from enclosing lambdas)
  sparams: string[] = [];
  loops: Loop[] = [];
  handlerDepth = 0;
  /** enclosing try/finally blocks: a `return`, `break` or `continue` inside jumps to the finally code, with the
   *  exit it was taking in `exit` (1: return, with its value in `val`; 2 and up: `exits`), and finishes it there */
  finallies: Finally[] = [];
  line = 0;
  private ntemps = 0;
  parent: Lambda | null;
  toplevel: boolean;
  /** names bound to SSA values while lowering type expressions of a method signature (where-variables) */
  tvars = new Map<string, Value>();
  constructor(parent: Lambda | null, toplevel: boolean) {
    this.parent = parent;
    this.toplevel = toplevel;
  }
  emit(stmt: Value): SSAValue {
    this.ci.code.push(stmt);
    this.ci.codelocs.push(this.line);
    return new SSAValue(this.ci.code.length);
  }
  /** a fresh name for a temporary of this lambda (`#iter1`, `#try2`, ...): numbered per lambda, so a body's slot
   *  names depend only on its own source */
  temp(prefix: string): string {
    return `#${prefix}${++this.ntemps}`;
  }
  get pc(): number {
    return this.ci.code.length + 1;
  }
  /** the slot holding the Core.Box of boxed local `name` */
  boxSlot(name: string): SlotNumber {
    return this.slot(this.mirrored.has(name) ? `${name}#box` : name);
  }
  slot(name: string): SlotNumber {
    let id = this.slots.get(name);
    if (id === undefined) {
      this.ci.slotnames.push(sym(name));
      this.ci.slotflags.push(0);
      id = this.ci.slotnames.length;
      this.slots.set(name, id);
    }
    return new SlotNumber(id);
  }
}
