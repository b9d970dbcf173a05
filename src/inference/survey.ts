// Inference over every method of a module, each at its declared signature (type variables at their upper bounds).
// Used by the tests (it must terminate and never fail) and by the inference benchmark (time per MethodInstance).
import { Module, JStruct, type Value } from '../runtime/values.ts';
import { DataType, UnionAll, TypeVar, isType, type JType } from '../runtime/types.ts';
import type { Method, MethodTable } from '../runtime/methods.ts';
import { subst, unwrap } from '../runtime/apply_type.ts';
import { inferMethodInstance, specialize, inferenceStats } from './typeinfer.ts';

export interface SurveyResult {
  methods: number;
  instances: number;
  failures: { method: string; error: string }[];
  ms: number;
}

function tablesOf(mod: Module): MethodTable[] {
  const seen = new Set<MethodTable>();
  for (const b of mod.bindings.values()) {
    const v = b.value;
    if (v === undefined || b.imported) continue;
    let mt: MethodTable | undefined;
    if (v instanceof JStruct) mt = v.type.name.mt;
    else if (isType(v)) {
      const u = unwrap(v as JType);
      if (u instanceof DataType) mt = u.name.mt;
    }
    if (mt) seen.add(mt);
  }
  return [...seen];
}

/** the declared signature's types with each type variable replaced by its upper bound */
function declaredTypes(m: Method): JType[] {
  const env = new Map<TypeVar, JType | Value>();
  for (let t: JType = m.sig; t instanceof UnionAll; t = t.body) env.set(t.v, t.v.ub);
  const body = unwrap(m.sig) as DataType;
  return body.parameters.map(p => subst(p as JType, env) as JType);
}

export function inferAllMethods(mod: Module): SurveyResult {
  const t0 = performance.now();
  const before = inferenceStats.methodInstances;
  const res: SurveyResult = { methods: 0, instances: 0, failures: [], ms: 0 };
  for (const mt of tablesOf(mod)) {
    for (const m of mt.methods) {
      if (!m.source || m.module !== mod) continue;
      res.methods++;
      const types = declaredTypes(m);
      try {
        inferMethodInstance(specialize(m, types, m.sparams));
      } catch (e) {
        res.failures.push({ method: `${m.name.name} at ${m.file}:${m.line}`, error: (e as Error).message });
      }
    }
  }
  res.instances = inferenceStats.methodInstances - before;
  res.ms = performance.now() - t0;
  return res;
}
