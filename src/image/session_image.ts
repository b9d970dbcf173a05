// What a session image holds, and how a session is saved to one and made again from it: the modules with their
// bindings, every type, method table and method with its lowered code, the MethodInstances and CodeInstances that
// inference made (with their edges), the world counter, and the process-wide tables that the saved objects are
// keyed by (type ids, object ids). Everything else in the process (hooks, foreign functions, caches that are
// rebuilt on demand) belongs to the code, not to the session, and is installed by the engine as usual.
import {
  T,
  JObj,
  Module,
  Binding,
  Expr,
  QuoteNode,
  LineNumberNode,
  GlobalRef,
  SVec,
  Bits,
  JBigInt,
} from '../runtime/values.ts';
import { TypeName, DataType, UnionType, TypeVar, UnionAll, VarargType } from '../runtime/types.ts';
import { Method, MethodInstance, CodeInstance, MethodTable, world } from '../runtime/methods.ts';
import { state } from '../runtime/modules.ts';
import { typeConstructorTable } from '../runtime/dispatch.ts';
import { typeIds } from '../runtime/apply_type.ts';
import { objectIds } from '../runtime/foreign.ts';
import { adoptCore } from '../runtime/bootstrap.ts';
import { CodeInfo } from '../ir/CodeInfo.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from '../ir/nodes.ts';
import { moduleRegistry } from '../lowering/lower.ts';
import { session as toplevel } from '../interpreter/toplevel.ts';
import { Const, PartialStruct, Conditional } from '../inference/lattice.ts';
import { noMethodEdges } from '../inference/typeinfer.ts';
import { nativeImage, adoptNativeImage, type ImageModule } from '../codegen/jit.ts';
import type { LinkableModule } from '../codegen/link.ts';
import { encodeGraph, decodeGraph, type GraphCodec, type ClassEntry } from './serialize.ts';
import type { Value } from '../runtime/values.ts';
import type { JType } from '../runtime/types.ts';

/** a compiled module in an image: its module is decoded when it is linked (src/codegen/jit.ts ImageModule) */
export class NativeModule implements ImageModule {
  readonly instances: readonly MethodInstance[];
  readonly module: LinkableModule;
  constructor(instances: readonly MethodInstance[], module: LinkableModule) {
    this.instances = instances;
    this.module = module;
  }
}

/** the classes whose objects an image holds as their properties; the list is part of the format (its names are
 *  checked on load), so adding a class changes the image version */
export const imageClasses: ClassEntry[] = [
  { name: 'Object', proto: Object.prototype },
  { name: 'Module', proto: Module.prototype },
  { name: 'Binding', proto: Binding.prototype },
  { name: 'Expr', proto: Expr.prototype, copyable: true },
  { name: 'QuoteNode', proto: QuoteNode.prototype, copyable: true },
  { name: 'LineNumberNode', proto: LineNumberNode.prototype, copyable: true },
  { name: 'GlobalRef', proto: GlobalRef.prototype, copyable: true },
  { name: 'SVec', proto: SVec.prototype },
  { name: 'Bits', proto: Bits.prototype },
  { name: 'JBigInt', proto: JBigInt.prototype },
  { name: 'TypeName', proto: TypeName.prototype },
  // a struct layout holds functions and a tag is a WebAssembly object: both are made again on first use (a null
  // layout, which marks a type whose values are JS objects, is kept)
  { name: 'DataType', proto: DataType.prototype, transient: ['layout', 'wasmTag'] },
  { name: 'UnionType', proto: UnionType.prototype },
  { name: 'TypeVar', proto: TypeVar.prototype },
  { name: 'UnionAll', proto: UnionAll.prototype },
  { name: 'VarargType', proto: VarargType.prototype },
  // method bodies are most of a session's objects and most are never run: each is decoded at its first use
  { name: 'Method', proto: Method.prototype, lazy: ['source'] },
  { name: 'MethodInstance', proto: MethodInstance.prototype },
  { name: 'CodeInstance', proto: CodeInstance.prototype, lazy: ['inferred', 'unoptimized'] },
  { name: 'MethodTable', proto: MethodTable.prototype, lazy: ['methods'] },
  { name: 'CodeInfo', proto: CodeInfo.prototype, copyableArrays: true },
  { name: 'SSAValue', proto: SSAValue.prototype, copyable: true },
  { name: 'SlotNumber', proto: SlotNumber.prototype, copyable: true },
  { name: 'GotoNode', proto: GotoNode.prototype, copyable: true },
  { name: 'GotoIfNot', proto: GotoIfNot.prototype, copyable: true },
  { name: 'ReturnNode', proto: ReturnNode.prototype, copyable: true },
  { name: 'NewvarNode', proto: NewvarNode.prototype, copyable: true },
  { name: 'Const', proto: Const.prototype },
  { name: 'PartialStruct', proto: PartialStruct.prototype },
  { name: 'Conditional', proto: Conditional.prototype },
  { name: 'NativeModule', proto: NativeModule.prototype, lazy: ['module'] },
];
const codec: GraphCodec = { classes: imageClasses, sideTables: [typeIds, objectIds] };

/** the root of an image's object graph */
interface Roots {
  T: Record<string, DataType>;
  Core: Module;
  Base: Module;
  Main: Module;
  world: number;
  stateWorld: number;
  loaded: Map<string, Module>;
  /** the methods of `(::Type{T})(...)` */
  typeConstructors: MethodTable | undefined;
  noMethodEdges: { sig: JType; caller: MethodInstance }[];
  nextTypeId: number;
  nextObjectId: number;
  /** the compiled code (src/codegen/jit.ts nativeImage) */
  native: NativeModule[];
}

export interface SessionModules {
  Core: Module;
  Base: Module;
  Main: Module;
}

/** the current session as image bytes */
export function saveSession(s: SessionModules): Uint8Array {
  const roots: Roots = {
    T: { ...T },
    Core: s.Core,
    Base: s.Base,
    Main: s.Main,
    world: world.current,
    stateWorld: state.world,
    loaded: toplevel.loaded,
    typeConstructors: typeConstructorTable.mt,
    noMethodEdges: [...noMethodEdges],
    nextTypeId: typeIds.next,
    nextObjectId: objectIds.next,
    native: nativeImage().map(im => new NativeModule(im.instances, im.module)),
  };
  return encodeGraph(roots, codec);
}

/** Makes the saved session the process's session: the core types, Core, Base and Main, the world counter and the
 *  tables keyed by ids. `builtin` gives a builtin's implementation by name (the engine collects them). */
export function loadSession(
  bytes: Uint8Array,
  builtin: (key: string) => ((a: Value[]) => Value) | undefined,
): SessionModules {
  let roots: Roots | undefined;
  decodeGraph(bytes, codec, {
    builtin,
    beforeValues: r => {
      roots = r as Roots;
      restore(roots);
    },
  });
  return { Core: roots!.Core, Base: roots!.Base, Main: roots!.Main };
}

function restore(r: Roots): void {
  for (const k of Object.keys(T)) delete T[k];
  Object.assign(T, r.T);
  adoptCore(r.Core);
  state.Core = moduleRegistry.Core = r.Core;
  state.Base = moduleRegistry.Base = r.Base;
  state.world = r.stateWorld;
  world.current = r.world;
  for (const [k, m] of r.loaded) toplevel.loaded.set(k, m);
  typeConstructorTable.mt = r.typeConstructors;
  noMethodEdges.push(...r.noMethodEdges);
  typeIds.next = r.nextTypeId;
  objectIds.next = r.nextObjectId;
  adoptNativeImage(r.native);
}
void JObj;
