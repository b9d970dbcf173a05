// Tab completion: names visible in Main (its own, Base's, its usings'), the fields of a global's value after `x.`,
// keyword arguments inside a call, and paths inside a string.
import { readdirSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Session } from '../engine.ts';
import { Sym, JStruct, type Module } from '../runtime/values.ts';
import { typeOf } from '../runtime/typeof.ts';
import { DataType } from '../runtime/types.ts';
import { methodTableFor } from '../runtime/dispatch.ts';

const visibleNames = (s: Session): string[] => {
  const mods: Module[] = [s.Main, s.Base, ...s.Main.usings];
  const names = new Set<string>();
  for (const m of mods) for (const k of m.bindings.keys()) if (!/[#]/.test(k.name)) names.add(k.name);
  return [...names];
};

/** the field names of a value's type (struct fields, or a module's names) */
function fieldsOf(v: unknown): string[] {
  if (v === undefined) return [];
  if (v && typeof v === 'object' && 'bindings' in v) return [...(v as Module).bindings.keys()].map(k => k.name);
  const t = typeOf(v as never);
  return t instanceof DataType ? t.name.names.map(n => n.name) : [];
}

function pathCompletions(partial: string): string[] {
  const dir = partial.endsWith('/') ? partial : dirname(partial);
  const base = partial.endsWith('/') ? '' : basename(partial);
  try {
    return readdirSync(dir === '' ? '.' : dir)
      .filter(f => f.startsWith(base))
      .map(f => {
        const full = partial.endsWith('/') ? partial + f : dir === '.' && !partial.startsWith('./') ? f : join(dir, f);
        let isDir = false;
        try {
          isDir = statSync(full).isDirectory();
        } catch {
          /* a broken link */
        }
        return isDir ? full + '/' : full;
      });
  } catch {
    return [];
  }
}

/** the call the cursor is in, if any: the text of its callee (`f`, `Base.sort`) and whether the cursor is among its
 *  keyword arguments (after its `;`) */
function openCall(line: string): { callee: string; keywords: boolean } | undefined {
  const stack: number[] = [];
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (c === '"') inString = !inString;
    else if (inString) continue;
    else if (c === '(' || c === '[' || c === '{') stack.push(k);
    else if (c === ')' || c === ']' || c === '}') stack.pop();
  }
  const at = stack[stack.length - 1];
  if (at === undefined || line[at] !== '(') return undefined;
  const callee = /([\p{L}_][\p{L}\p{N}_!]*(?:\.[\p{L}_][\p{L}\p{N}_!]*)*)$/u.exec(line.slice(0, at))?.[1];
  return callee ? { callee, keywords: line.slice(at).includes(';') } : undefined;
}

/** the keyword arguments of a function's methods: the arguments of its keyword body functions (`#f#kwN`, whose
 *  arguments are the body function, the keywords, then the function itself as `#fself`) */
function keywordsOf(s: Session, callee: string): string[] {
  const parts = callee.split('.');
  let v: unknown = s.Main.bindings.get(Sym.of(parts[0]!))?.value ?? s.Base.bindings.get(Sym.of(parts[0]!))?.value;
  for (const p of parts.slice(1))
    v = v && typeof v === 'object' && 'bindings' in v ? (v as Module).bindings.get(Sym.of(p))?.value : undefined;
  if (v === undefined) return [];
  let mt;
  try {
    mt = methodTableFor(v as never);
  } catch {
    return [];
  }
  const body = new RegExp(`^#${mt.name.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#kw\\d+$`);
  const out = new Set<string>();
  for (const [name, b] of mt.module.bindings) {
    if (!body.test(name.name) || b.value === undefined) continue;
    for (const m of methodTableFor(b.value).methods) {
      const slots = m.source?.slotnames ?? [];
      for (let k = 1; k < slots.length && slots[k]!.name !== '#fself'; k++) out.add(slots[k]!.name);
    }
  }
  return [...out];
}

/** readline's completer: the candidates and the text they replace */
export function complete(s: Session, line: string): [string[], string] {
  // inside an open string: a path
  const quotes = (line.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) {
    const partial = line.slice(line.lastIndexOf('"') + 1);
    return [pathCompletions(partial), partial];
  }
  const m = /([\p{L}_][\p{L}\p{N}_!]*(?:\.[\p{L}_][\p{L}\p{N}_!]*)*)(\.?)([\p{L}_][\p{L}\p{N}_!]*)?$/u.exec(line);
  if (!m) return [[], ''];
  const [, head, dot, tail = ''] = m;
  if (dot === '.' || head!.includes('.')) {
    // x.f: the fields of a global's value (x.y.z walks the fields)
    const parts = (dot === '.' ? head! : head!.slice(0, head!.lastIndexOf('.'))).split('.');
    const prefix = dot === '.' ? tail : head!.slice(head!.lastIndexOf('.') + 1);
    let v: unknown = s.Main.bindings.get(Sym.of(parts[0]!))?.value ?? s.Base.bindings.get(Sym.of(parts[0]!))?.value;
    for (const p of parts.slice(1)) {
      if (v instanceof JStruct) {
        const k = fieldsOf(v).indexOf(p);
        v = k >= 0 ? v.fields()[k] : undefined;
      } else if (v && typeof v === 'object' && 'bindings' in v) v = (v as Module).bindings.get(Sym.of(p))?.value;
      else v = undefined;
    }
    const hits = fieldsOf(v).filter(f => f.startsWith(prefix) && !f.includes('#'));
    return [hits.sort(), prefix];
  }
  const word = head!;
  // inside a call: its keyword arguments (`rev=`), alone after its `;`, else with the names in scope
  const call = openCall(line.slice(0, line.length - word.length));
  const keywords = call
    ? keywordsOf(s, call.callee)
        .filter(k => k.startsWith(word))
        .map(k => `${k}=`)
    : [];
  if (call?.keywords && keywords.length) return [keywords.sort(), word];
  const hits = visibleNames(s).filter(n => n.startsWith(word));
  return [[...keywords.sort(), ...hits.sort()], word];
}
