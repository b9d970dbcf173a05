// Method, MethodInstance, CodeInstance and MethodTable, with Julia's names and meanings.
// World age: a global counter that grows with every method definition. A Method is visible in worlds
// [primary_world, deleted_world). Dispatch always happens in a given world.
import { JObj, T, type Value, type Sym, type Module } from './values.ts';
import type { JType, DataType, TypeVar } from './types.ts';

/** A method body as the runtime holds it (Method.source, CodeInstance.inferred): the fields of a CodeInfo, whose
 *  class (src/ir/CodeInfo.ts) implements this. Declared here so that the runtime does not depend on the IR; the
 *  fields are all of the class's, so a body read from a Method is a CodeInfo to the stages above. */
export interface CodeInfoShape extends JObj {
  code: Value[];
  codelocs: number[];
  file: string;
  slotnames: Sym[];
  slotflags: number[];
  nargs: number;
  isva: boolean;
  sparam_names: Sym[];
  name: string;
  ssavaluetypes: JType[] | undefined;
  slottypes: JType[] | undefined;
  rettype: JType | undefined;
  inlining: 'default' | 'inline' | 'noinline';
  /** the calls the optimizer inlined into this body, when it did: see InlinedCalls */
  inlined?: InlinedCalls;
}

/** Where inlined code came from, so that a backtrace shows the frames of inlined calls as if they had been made.
 *  A statement's `codelocs` entry is its line when it is the body's own; an inlined statement's is `-1 - k` for
 *  entry k of `locs`, its line in the frame of the inlined call that holds it. */
export interface InlinedCalls {
  /** each inlined call: the instance called, the frame it was called from (-1: the body's own) and that frame's
   *  line at the call */
  frames: { mi: MethodInstance; parent: number; callLine: number }[];
  locs: { line: number; frame: number }[];
}

/** the body's own line at a statement (for an inlined one, the line of the outermost inlined call) */
export function ownLine(ci: CodeInfoShape, loc: number): number {
  if (loc >= 0 || !ci.inlined) return loc;
  let f = ci.inlined.locs[-1 - loc]!.frame;
  for (;;) {
    const fr = ci.inlined.frames[f]!;
    if (fr.parent < 0) return fr.callLine;
    f = fr.parent;
  }
}

/** the frames of the inlined calls in progress at a statement, innermost first: each call's instance and its line
 *  (the body's own frame, at `ownLine`, is not included) */
export function inlinedFramesAt(ci: CodeInfoShape, loc: number): { mi: MethodInstance; line: number }[] {
  if (loc >= 0 || !ci.inlined) return [];
  const { frames, locs } = ci.inlined;
  const at = locs[-1 - loc]!;
  const out: { mi: MethodInstance; line: number }[] = [];
  for (let f = at.frame, line = at.line; f >= 0;) {
    const fr = frames[f]!;
    out.push({ mi: fr.mi, line: line || fr.mi.def.line });
    line = fr.callLine;
    f = fr.parent;
  }
  return out;
}

export const MAX_WORLD = Number.MAX_SAFE_INTEGER;
export const world = { current: 1 };

export class Method extends JObj {
  primary_world = 0;
  deleted_world = MAX_WORLD;
  /** specializations by the key of their argument types */
  readonly specializations = new Map<string, MethodInstance>();
  readonly name: Sym;
  readonly module: Module;
  /** Tuple{typeof(f), argtypes...}, wrapped in UnionAlls for its static parameters */
  readonly sig: JType;
  /** the `where` variables, outermost first (static parameters) */
  readonly sparams: readonly TypeVar[];
  /** lowered, uninferred body; undefined only for methods implemented in TypeScript */
  readonly source: CodeInfoShape | undefined;
  readonly nargs: number;
  readonly isva: boolean;
  readonly file: string;
  readonly line: number;
  constructor(
    name: Sym,
    module: Module,
    sig: JType,
    sparams: readonly TypeVar[],
    source: CodeInfoShape | undefined,
    nargs: number,
    isva: boolean,
    file: string,
    line: number,
  ) {
    super();
    this.name = name;
    this.module = module;
    this.sig = sig;
    this.sparams = sparams;
    this.source = source;
    this.nargs = nargs;
    this.isva = isva;
    this.file = file;
    this.line = line;
  }
  get jtype(): DataType {
    return T.Method!;
  }
}

/** A method specialized for concrete argument types. */
export class MethodInstance extends JObj {
  /** compiled/inferred versions, newest first */
  readonly cache: CodeInstance[] = [];
  /** callers whose inferred code depends on this instance's result (invalidated with it) */
  readonly backedges = new Set<MethodInstance>();
  readonly def: Method;
  /** Tuple{typeof(f), concrete argtypes...} */
  readonly specTypes: JType;
  /** values of the method's static parameters for this specialization */
  readonly sparamVals: readonly (JType | Value)[];
  constructor(def: Method, specTypes: JType, sparamVals: readonly (JType | Value)[]) {
    super();
    this.def = def;
    this.specTypes = specTypes;
    this.sparamVals = sparamVals;
  }
  get jtype(): DataType {
    return T.MethodInstance!;
  }
}

/** The result of compiling a MethodInstance, valid for worlds [min_world, max_world]. */
export class CodeInstance extends JObj {
  readonly def: MethodInstance;
  min_world: number;
  max_world: number;
  readonly rettype: JType;
  readonly inferred: CodeInfoShape | undefined;
  /** the typed code before the optimizer ran (`@code_typed optimize=false`) */
  unoptimized: CodeInfoShape | undefined = undefined;
  /** proven by inference and the optimizer: the code cannot throw / has no side effects beyond allocation */
  nothrow = false;
  effect_free = false;
  /** the return value when inference proved it constant */
  rettype_const: Value | undefined = undefined;
  /** what this code's inference depended on: callee instances, and call signatures that matched no method */
  edges: (MethodInstance | JType)[] = [];
  constructor(
    def: MethodInstance,
    min_world: number,
    max_world: number,
    rettype: JType,
    inferred: CodeInfoShape | undefined,
  ) {
    super();
    this.def = def;
    this.min_world = min_world;
    this.max_world = max_world;
    this.rettype = rettype;
    this.inferred = inferred;
  }
  get jtype(): DataType {
    return T.CodeInstance!;
  }
}

export class MethodTable extends JObj {
  readonly methods: Method[] = [];
  readonly name: Sym;
  readonly module: Module;
  constructor(name: Sym, module: Module) {
    super();
    this.name = name;
    this.module = module;
  }
  get jtype(): DataType {
    return T.MethodTable!;
  }
}
