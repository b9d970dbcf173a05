// typeof for every Jolt value.
import { T, JObj, type Value } from './values.ts';
import { DataType, isType } from './types.ts';
import { tupleType, applyTypeName } from './apply_type.ts';

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
  if (Array.isArray(v)) return tupleType((v as Value[]).map(typeOf));
  if (v === null || v === undefined) return T.Nothing!;
  return (v as JObj).jtype;
}

/** The type dispatch sees for an argument: Type{X} for a type value X (so `::Type{Int}` methods match). */
export function dispatchTypeOf(v: Value): DataType {
  if (isType(v)) return applyTypeName(T.Type!.name, [v]);
  return typeOf(v);
}
