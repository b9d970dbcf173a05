// Julia's binary operators by precedence level (higher binds tighter), the Unicode ones included, and the
// spellings the lexer derives from them: dotted forms (`.===`, `.<<`) and suffixed forms (`==ₜ`, `+′`).

/** level of each binary operator; 1 is assignment, 14 is `^` */
export const PREC: Record<string, number> = {};
/** right-associative binary operators */
export const RIGHT = new Set<string>();

function level(p: number, ops: string[], right = false): void {
  for (const o of ops) {
    PREC[o] = p;
    if (right) RIGHT.add(o);
  }
}
const chars = (s: string): string[] => [...s.replace(/\s+/g, '')];

export const ASSIGN_OPS = [
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '//=',
  '\\=',
  '÷=',
  '%=',
  '^=',
  '&=',
  '|=',
  '⊻=',
  '<<=',
  '>>=',
  '>>>=',
  '.=',
];
// every updating operator but `=` has a dotted form: `a .+= b`, `a .<<= b`
for (const o of [...ASSIGN_OPS]) if (o !== '=' && o !== '.=') ASSIGN_OPS.push('.' + o);

const ARROWS = chars(`← → ↔ ↚ ↛ ↞ ↠ ↢ ↣ ↤ ↦ ↮ ⇎ ⇍ ⇏ ⇐ ⇒ ⇔ ⇴ ⇶ ⇷ ⇸ ⇹ ⇺ ⇻ ⇼ ⇽ ⇾ ⇿ ⟵ ⟶ ⟷ ⟹ ⟺ ⟻ ⟼ ⟽ ⟾ ⟿
  ⤀ ⤁ ⤂ ⤃ ⤄ ⤅ ⤆ ⤇ ⤌ ⤍ ⤎ ⤏ ⤐ ⤑ ⤔ ⤕ ⤖ ⤗ ⤘ ⤝ ⤞ ⤟ ⤠ ⥄ ⥅ ⥆ ⥇ ⥈ ⥊ ⥋ ⥎ ⥐ ⥒ ⥓ ⥖ ⥗ ⥚ ⥛ ⥞ ⥟ ⥢ ⥤ ⥦ ⥧ ⥨ ⥩ ⥪ ⥫ ⥬ ⥭ ⥰
  ⧴ ⬱ ⬰ ⬲ ⬳ ⬴ ⬵ ⬶ ⬷ ⬸ ⬹ ⬺ ⬻ ⬼ ⬽ ⬾ ⬿ ⭀ ⭁ ⭂ ⭃ ⭄ ⭇ ⭈ ⭉ ⭊ ⭋ ⭌ ↼ ↽ ⇀ ⇁ ⇄ ⇆ ⇋ ⇌ ⇜ ⇝ ↜ ↝ ↩ ↪ ↫ ↬ ↶ ↷ ↺ ↻ ⇠ ⇢`);
const COMPARISON_UNICODE = chars(`≥ ≤ ≡ ≠ ≢ ∈ ∉ ∋ ∌ ⊆ ⊈ ⊂ ⊄ ⊊ ∝ ∊ ∍ ∥ ∦ ∷ ∺ ∻ ∽ ∾ ≁ ≃ ≂ ≄ ≅ ≆ ≇ ≈ ≉ ≊ ≋ ≌ ≍ ≎ ≐
  ≑ ≒ ≓ ≖ ≗ ≘ ≙ ≚ ≛ ≜ ≝ ≞ ≟ ≣ ≦ ≧ ≨ ≩ ≪ ≫ ≬ ≭ ≮ ≯ ≰ ≱ ≲ ≳ ≴ ≵ ≶ ≷ ≸ ≹ ≺ ≻ ≼ ≽ ≾ ≿ ⊀ ⊁ ⊃ ⊅ ⊇ ⊉ ⊋ ⊏ ⊐ ⊑ ⊒ ⊜
  ⊩ ⊬ ⊮ ⊰ ⊱ ⊲ ⊳ ⊴ ⊵ ⊶ ⊷ ⋍ ⋐ ⋑ ⋕ ⋖ ⋗ ⋘ ⋙ ⋚ ⋛ ⋜ ⋝ ⋞ ⋟ ⋠ ⋡ ⋢ ⋣ ⋤ ⋥ ⋦ ⋧ ⋨ ⋩ ⋪ ⋫ ⋬ ⋭ ⋲ ⋳ ⋴ ⋵ ⋶ ⋷ ⋸ ⋹ ⋺ ⋻
  ⋼ ⋽ ⋾ ⋿ ⟈ ⟉ ⟒ ⦷ ⧀ ⧁ ⧡ ⧣ ⧤ ⧥ ⩦ ⩧ ⩪ ⩫ ⩬ ⩭ ⩮ ⩯ ⩰ ⩱ ⩲ ⩳ ⩵ ⩶ ⩷ ⩸ ⩹ ⩺ ⩻ ⩼ ⩽ ⩾ ⩿ ⪀ ⪁ ⪂ ⪃ ⪄ ⪅ ⪆ ⪇ ⪈ ⪉ ⪊ ⪋ ⪌
  ⪍ ⪎ ⪏ ⪐ ⪑ ⪒ ⪓ ⪔ ⪕ ⪖ ⪗ ⪘ ⪙ ⪚ ⪛ ⪜ ⪝ ⪞ ⪟ ⪠ ⪡ ⪢ ⪣ ⪤ ⪥ ⪦ ⪧ ⪨ ⪩ ⪪ ⪫ ⪬ ⪭ ⪮ ⪯ ⪰ ⪱ ⪲ ⪳ ⪴ ⪵ ⪶ ⪷ ⪸ ⪹ ⪺ ⪻ ⪼ ⪽ ⪾
  ⪿ ⫀ ⫁ ⫂ ⫃ ⫄ ⫅ ⫆ ⫇ ⫈ ⫉ ⫊ ⫋ ⫌ ⫍ ⫎ ⫏ ⫐ ⫑ ⫒ ⫓ ⫔ ⫕ ⫖ ⫗ ⫘ ⫙ ⫷ ⫸ ⫹ ⫺ ⊢ ⊣ ⟂ ⫪ ⫫`);
const PLUS_UNICODE = chars(`⊕ ⊖ ⊞ ⊟ ∪ ∨ ⊔ ± ∓ ∔ ∸ ≏ ⊎ ⊻ ⊽ ⋎ ⋓ ⟇ ⧺ ⧻ ⨈ ⨢ ⨣ ⨤ ⨥ ⨦ ⨧ ⨨ ⨩ ⨪ ⨫ ⨬ ⨭ ⨮ ⨹ ⨺ ⩁ ⩂ ⩅ ⩊
  ⩌ ⩏ ⩐ ⩒ ⩔ ⩖ ⩗ ⩛ ⩝ ⩡ ⩢ ⩣ ¦`);
const TIMES_UNICODE = chars(`⌿ ÷ ⋅ ∘ × ∩ ∧ ⊗ ⊘ ⊙ ⊚ ⊛ ⊠ ⊡ ⊓ ∗ ∙ ∤ ⅋ ≀ ⊼ ⋄ ⋆ ⋇ ⋉ ⋊ ⋋ ⋌ ⋏ ⋒ ⟑ ⦸ ⦼ ⦾ ⦿ ⧶ ⧷ ⨇ ⨰ ⨱
  ⨲ ⨳ ⨴ ⨵ ⨶ ⨷ ⨸ ⨻ ⨼ ⨽ ⩀ ⩃ ⩄ ⩋ ⩍ ⩎ ⩑ ⩓ ⩕ ⩘ ⩚ ⩜ ⩞ ⩟ ⩠ ⫛ ⊍ ▷ ⨝ ⟕ ⟖ ⟗ ⨟`);
const POWER_UNICODE = chars(`↑ ↓ ⇵ ⟰ ⟱ ⤈ ⤉ ⤊ ⤋ ⤒ ⤓ ⥉ ⥌ ⥍ ⥏ ⥑ ⥔ ⥕ ⥘ ⥙ ⥜ ⥝ ⥠ ⥡ ⥣ ⥥ ⥮ ⥯ ￪ ￬`);

level(1, ASSIGN_OPS, true);
level(2, ['=>'], true);
level(4, ARROWS, true);
level(5, ['||'], true);
level(6, ['&&'], true);
export const COMPARISON = [
  '>',
  '<',
  '>=',
  '<=',
  '==',
  '===',
  '!=',
  '!==',
  '<:',
  '>:',
  'in',
  'isa',
  ...COMPARISON_UNICODE,
];
level(7, COMPARISON);
level(8, ['|>']);
level(8, ['<|'], true);
level(9, [':']);
level(10, ['+', '-', '|', '++', ...PLUS_UNICODE]);
level(11, ['*', '/', '%', '&', '\\', ...TIMES_UNICODE]);
level(12, ['//']);
level(13, ['<<', '>>', '>>>']);
level(14, ['^', ...POWER_UNICODE], true);

/** prefix operators (`-x`, `√x`, `¬b`) */
export const UNARY_OPS = new Set(['-', '+', '!', '~', '√', '∛', '∜', '¬', '±', '∓']);

/** operators that take a dot, `a .op b` (`.=`, `.=>` and the updating ones are listed on their own) */
const DOTTABLE = Object.keys(PREC).filter(o => !ASSIGN_OPS.includes(o) && o !== ':' && !/^[a-z]/.test(o));

/** the operator spellings the lexer knows, keyed by first character, longest first (maximal munch) */
const PUNCT = [
  '...',
  '::',
  '=>',
  '.=>',
  '->',
  '&&',
  '||',
  ':',
  '?',
  '.',
  ',',
  ';',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  "'",
  '$',
];
export const OPS_BY_FIRST = new Map<string, string[]>();
for (const o of new Set([
  ...PUNCT,
  ...ASSIGN_OPS,
  ...Object.keys(PREC).filter(o => !/^[a-z]/.test(o)),
  ...UNARY_OPS,
  ...DOTTABLE.map(o => '.' + o),
  ...[...UNARY_OPS].map(o => '.' + o),
])) {
  const first = String.fromCodePoint(o.codePointAt(0)!);
  const list = OPS_BY_FIRST.get(first) ?? [];
  list.push(o);
  OPS_BY_FIRST.set(first, list);
}
for (const list of OPS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** characters that may follow an operator and make a new one of the same precedence: `==ₜ`, `+′`, `⊕̂` */
export const OP_SUFFIX =
  /[\p{Mn}\u2032-\u2037\u2057\u2080-\u208e\u2090-\u209c\u1d62-\u1d6a\u00b2\u00b3\u00b9\u2070-\u207e]/u;

/** the operator a (dotted or suffixed) spelling is a form of: `.===` -> `===`, `==ₜ` -> `==` */
export function baseOp(op: string): string {
  if (op.length > 1 && op[0] === '.' && op !== '...' && op !== '.=' && op !== '.=>' && !ASSIGN_OPS.includes(op))
    op = op.slice(1);
  if (PREC[op] === undefined && !UNARY_OPS.has(op)) {
    let k = op.length;
    while (k > 0 && OP_SUFFIX.test(op.slice(k - 1, k))) k--;
    if (k > 0 && k < op.length) return op.slice(0, k);
  }
  return op;
}

/** precedence of a binary operator spelling (undefined when it is none) */
export function precOf(op: string): number | undefined {
  if (ASSIGN_OPS.includes(op)) return 1;
  if (op === '.=>') return 2;
  return PREC[baseOp(op)];
}
export function isRightAssoc(op: string): boolean {
  return RIGHT.has(baseOp(op)) || op === '.=>';
}
