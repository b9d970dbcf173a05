// typeof for every Jolt value.
import { T, JObj, type Value } from './values.ts';
import { DataType, TypeVar, isType } from './types.ts';
import { tupleType, applyTypeName } from './apply_type.ts';

const LONG_TUPLE = 32;
const longTupleTypes = new WeakMap<object, DataType>();

export function typeOf(v: Value): DataType {
  switch (typeof v) {
    case 'bigint':
      return T.Int64!;
    case 'number':
      return T.Float64!;
    case 'boolean':
      return T.Bool!;
    case 'string':
      return T.String!;
  }
  if (Array.isArray(v)) {
    if (v.length < LONG_TUPLE) return tupleType((v as Value[]).map(typeOf));
    // a tuple never changes, and finding the type of a long one takes time in its length: a loop over a
    // 4,000-element tuple (a call's varargs) dispatched on its type at every step
    let t = longTupleTypes.get(v);
    if (!t) longTupleTypes.set(v, (t = tupleType((v as Value[]).map(typeOf))));
    return t;
  }
  if (v === null || v === undefined) return T.Nothing!;
  return (v as JObj).jtype;
}

/** The type dispatch sees for an argument: Type{X} for a type value X (so `::Type{Int}` methods match); a TypeVar
 *  is no type, and is seen as a TypeVar (as Julia's `Core.Typeof`) */
export function dispatchTypeOf(v: Value): DataType {
  if (isType(v) && !(v instanceof TypeVar)) return applyTypeName(T.Type!.name, [v]);
  return typeOf(v);
}
