// Printing a CodeInfo in the layout of Julia's `@code_lowered`: basic blocks numbered in the left gutter,
// `%n = ` before statements whose value is used, slots by name. Typed code (after inference) also shows `::T` after
// each value statement, as `@code_typed` and `@code_warntype` do.
import { Expr, Sym, GlobalRef, QuoteNode, T, BuiltinFunction, JObj, JStruct, type Value } from '../runtime/values.ts';
import { SSAValue, SlotNumber, GotoNode, GotoIfNot, ReturnNode, NewvarNode } from './nodes.ts';
import { CodeInfo } from './CodeInfo.ts';
import { CFG } from './cfg.ts';
import { exprToString } from '../syntax/print.ts';
import { showType } from '../runtime/show_type.ts';
import { isType, type JType } from '../runtime/types.ts';

export interface PrintOptions {
  /** how to print a statement's type annotation (default: `::T`); given the type, returns the text after `::` */
  typeText?: (t: JType) => string;
}

const INFIX = new Set([
  '+',
  '-',
  '*',
  '/',
  '^',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '===',
  '÷',
  '%',
  '&',
  '|',
  '<<',
  '>>',
]);

/** A slot's printed name. Compiler temporaries (`#if12`, `#iter3`, ...) print as `@_n` with their slot number, as
 *  Julia prints unnamed slots, so printouts do not depend on how many temporaries were made before. */
export function slotName(ci: CodeInfo, id: number): string {
  const n = ci.slotnames[id - 1]?.name;
  if (n === undefined || /^#[a-z]+\d+$/.test(n)) return `@_${id}`;
  return n;
}

export function printCodeInfo(ci: CodeInfo, opts: PrintOptions = {}): string {
  const types = ci.ssavaluetypes;
  const typeText = opts.typeText ?? showType;
  const code = ci.code;
  const n = code.length;
  // blocks numbered from 1, as Julia prints them
  const cfg = new CFG(code);
  const blockOf = (label: number): number => cfg.blockOf(label - 1) + 1;
  const starts = new Set(cfg.starts.map(pc => pc + 1));
  const used = new Set<number>();
  const mark = (v: Value): void => {
    if (v instanceof SSAValue) used.add(v.id);
    else if (v instanceof Expr) v.args.forEach(mark);
    else if (v instanceof GotoIfNot) mark(v.cond);
    else if (v instanceof ReturnNode) mark(v.val);
  };
  code.forEach(mark);
  const op = (v: Value): string => {
    if (v instanceof SSAValue) return `%${v.id}`;
    if (v instanceof SlotNumber) return slotName(ci, v.id);
    if (v instanceof GlobalRef) return v.name.name;
    if (v instanceof QuoteNode)
      return v.value instanceof Sym ? `:${v.value.name}` : Array.isArray(v.value) ? op(v.value) : exprToString(v);
    if (Array.isArray(v)) {
      const items = (v as Value[]).map(x => (x instanceof Sym ? `:${x.name}` : op(x)));
      return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
    }
    if (isType(v)) return showType(v);
    if (v === T.Nothing?.instance) return 'nothing';
    if (v instanceof Expr) return stmt(v);
    if (v instanceof BuiltinFunction) return v.jtype === T.IntrinsicFunction ? `Base.${v.name}` : `Core.${v.name}`;
    if (v instanceof JObj && v.constructor.name === 'MethodInstance')
      return String((v as unknown as { def: { name: Sym } }).def.name.name);
    // a folded constant struct: a named tuple as Julia writes one, others as a constructor call
    if (v instanceof JStruct) {
      const names = v.type.name === T.NamedTuple?.name ? (v.type.parameters[0] as Value[]) : undefined;
      const fs = v
        .fields()
        .map((x, k) => (names ? `${(names[k] as Sym).name} = ` : '') + (x === undefined ? '#undef' : op(x)));
      return names ? `(${fs.join(', ')}${fs.length === 1 ? ',' : ''})` : `${showType(v.type)}(${fs.join(', ')})`;
    }
    return exprToString(v);
  };
  const stmt = (st: Value): string => {
    if (st instanceof GotoNode) return `goto #${blockOf(st.label)}`;
    if (st instanceof GotoIfNot) return `goto #${blockOf(st.dest)} if not ${op(st.cond)}`;
    if (st instanceof ReturnNode) return `return ${op(st.val)}`;
    if (st instanceof NewvarNode) return `$(Expr(:newvar, ${op(st.slot)}))`;
    if (st instanceof Expr) {
      const a = st.args;
      switch (st.head.name) {
        case 'call': {
          const f = a[0]!;
          const fname =
            f instanceof GlobalRef ? f.name.name : f instanceof BuiltinFunction && f.name === '===' ? '===' : op(f);
          if ((f instanceof GlobalRef || fname === '===') && INFIX.has(fname) && a.length === 3) {
            const text = `${op(a[1]!)} ${fname} ${op(a[2]!)}`;
            return types ? `(${text})` : text;
          }
          return `${f instanceof GlobalRef && f.mod.name.name !== 'Main' ? `${f.mod.name.name}.${fname}` : fname}(${a.slice(1).map(op).join(', ')})`;
        }
        case '=':
          return `${op(a[0]!)} = ${op(a[1]!)}`;
        case 'invoke': {
          // invoke <instance>(args): the callee by its function's name, arguments with their types
          const argText = (x: Value): string => {
            const t =
              x instanceof SSAValue
                ? types?.[x.id - 1]
                : x instanceof SlotNumber
                  ? ci.slottypes?.[x.id - 1]
                  : undefined;
            return t ? `${op(x)}::${typeText(t)}` : op(x);
          };
          const fop = a[1]!;
          const fname =
            fop instanceof GlobalRef
              ? `${fop.mod.name.name}.${/^[\p{L}_][\p{L}\p{N}_!]*$/u.test(fop.name.name) ? fop.name.name : fop.name.name === ':' ? ':(:)' : ':' + fop.name.name}`
              : op(a[0]!);
          return `invoke ${fname}(${a.slice(2).map(argText).join(', ')})`;
        }
        case 'new':
          return `%new(${a.map(op).join(', ')})`;
        case 'method':
          return `$(Expr(:method, ${a.length ? op(a[0]!) : ''}))`;
        default:
          return `$(Expr(:${st.head.name}${a.map(x => ', ' + op(x)).join('')}))`;
      }
    }
    return op(st);
  };
  const width = `%${n}`.length;
  const lines: string[] = ['CodeInfo('];
  for (let k = 1; k <= n; k++) {
    const blk = blockOf(k);
    const first = starts.has(k);
    const last = k === n || starts.has(k + 1);
    const bw = String(cfg.nblocks).length;
    const gutter = first ? `${String(blk).padEnd(bw)} ─ ` : last ? `└${'─'.repeat(bw + 1)} ` : `│${' '.repeat(bw + 2)}`;
    const label = used.has(k) ? `%${k} = `.padStart(width + 3) : ' '.repeat(width + 3);
    const st = code[k - 1]!;
    const t = types?.[k - 1];
    // typed code: value statements show their type (control flow and stores of nothing do not)
    const annotate =
      t !== undefined &&
      !(st instanceof GotoNode || st instanceof GotoIfNot || st instanceof ReturnNode || st instanceof NewvarNode) &&
      !(st instanceof Expr && (st.head.name === '=' || st.head.name === 'meta'));
    lines.push(`${gutter}${label}${stmt(st)}${annotate ? '::' + typeText(t) : ''}`);
  }
  lines.push(')');
  return lines.join('\n');
}
