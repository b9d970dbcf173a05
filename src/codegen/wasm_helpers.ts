// Functions written directly in wasm that compiled code calls instead of the runtime (a call out to JS costs more
// than what they do). ModuleBuilder adds each to a module once, when a function first needs it.

/** `hypot` in wasm (abs of a complex number is in many inner loops), correctly rounded as Julia's is: the square
 *  root of the sum of squares, corrected by one Newton step whose residual is computed exactly with Dekker's split
 *  products. Operands are scaled by a power of two into a range where the squares neither overflow nor lose bits
 *  to underflow. */
export function hypotFunc(): string {
  // the exact low part of a*a (a*a = its rounded square + this), with a split into 26-bit halves
  const sqErr = (a: string, sq: string): string =>
    `(local.set $c (f64.mul ${a} (f64.const 134217729))) ` +
    `(local.set $hi (f64.sub (local.get $c) (f64.sub (local.get $c) ${a}))) ` +
    `(local.set $lo (f64.sub ${a} (local.get $hi)))` +
    ` (f64.add (f64.add (f64.sub (f64.mul (local.get $hi) (local.get $hi)) ${sq}) ` +
    `(f64.mul (f64.mul (f64.const 2) (local.get $hi)) (local.get $lo))) (f64.mul (local.get $lo) (local.get $lo)))`;
  return `(func $jl_hypot (param $x f64) (param $y f64) (result f64)
  (local $ax f64) (local $ay f64) (local $t f64) (local $s f64)
  (local $p f64) (local $q f64) (local $h f64) (local $hh f64)
  (local $c f64) (local $hi f64) (local $lo f64) (local $ep f64) (local $eq f64) (local $eh f64)
  (local.set $ax (f64.abs (local.get $x))) (local.set $ay (f64.abs (local.get $y)))
  (if (f64.lt (local.get $ax) (local.get $ay))
   (then (local.set $t (local.get $ax)) (local.set $ax (local.get $ay)) (local.set $ay (local.get $t))))
  (if (i32.or (f64.eq (local.get $ax) (f64.const inf)) (f64.eq (local.get $ay) (f64.const inf)))
   (then (return (f64.const inf))))
  (if (f64.ne (local.get $ax) (local.get $ax)) (then (return (local.get $ax))))
  (if (f64.ne (local.get $ay) (local.get $ay)) (then (return (local.get $ay))))
  ;; ay at most ax * 2^-54 (zeros included): ax is the correctly rounded result
  (if (f64.le (local.get $ay) (f64.mul (local.get $ax) (f64.const 0x1p-54))) (then (return (local.get $ax))))
  (local.set $s (f64.const 1))
  (if (f64.gt (local.get $ax) (f64.const 0x1p500)) (then (local.set $s (f64.const 0x1p-600))))
  (if (f64.lt (local.get $ay) (f64.const 0x1p-450)) (then (local.set $s (f64.const 0x1p600))))
  (local.set $ax (f64.mul (local.get $ax) (local.get $s))) (local.set $ay (f64.mul (local.get $ay) (local.get $s)))
  (local.set $p (f64.mul (local.get $ax) (local.get $ax)))
  (local.set $q (f64.mul (local.get $ay) (local.get $ay)))
  (local.set $h (f64.sqrt (f64.add (local.get $p) (local.get $q))))
  (local.set $hh (f64.mul (local.get $h) (local.get $h)))
  (local.set $ep ${sqErr('(local.get $ax)', '(local.get $p)')})
  (local.set $eq ${sqErr('(local.get $ay)', '(local.get $q)')})
  (local.set $eh ${sqErr('(local.get $h)', '(local.get $hh)')})
  ;; residual ax^2 + ay^2 - h^2: p - hh is exact (the two are within a factor of 2), then the small terms
  (f64.div (f64.add (local.get $h) (f64.div
   (f64.add (f64.add (f64.sub (local.get $p) (local.get $hh)) (local.get $q))
    (f64.sub (f64.add (local.get $ep) (local.get $eq)) (local.get $eh)))
   (f64.mul (f64.const 2) (local.get $h)))) (local.get $s)))`;
}

/** `string(x::Int64; base, pad)` in wasm: digits into an i16 array (the module's global `$int_digits`), which
 *  becomes the string (`fromCharCodeArray`, V8's builtin). Bases outside 2..36 and pads beyond 64 digits go to
 *  `fallback`, the runtime's implementation, which the interpreter uses too. */
export function intStringFunc(fallback: string, fromCharCodeArray: string): string {
  // One digit loop per kind of base: a power of two shifts and masks, base 10 divides by a constant (which the
  // engine turns into a multiplication), other bases divide; each runs while digits remain or padding is due.
  const digitLoop = (label: string, rem: string, div: string): string => `(block $${label}_done (loop $${label}
   (br_if $${label}_done (i32.and (i64.eqz (local.get $u)) (i64.ge_s (local.get $n) (local.get $pad))))
   (local.set $d (i32.wrap_i64 ${rem}))
   (local.set $k (i32.sub (local.get $k) (i32.const 1)))
   (array.set $a16 (local.get $buf) (local.get $k)
    (i32.add (local.get $d) (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $d) (i32.const 10)))))
   (local.set $u ${div})
   (local.set $n (i64.add (local.get $n) (i64.const 1)))
   (br $${label})))`;
  const u = '(local.get $u)',
    b = '(local.get $b)';
  const pow2 = digitLoop('pow2', `(i64.and ${u} (i64.sub ${b} (i64.const 1)))`, `(i64.shr_u ${u} (local.get $sh))`);
  const dec = digitLoop('dec', `(i64.rem_u ${u} (i64.const 10))`, `(i64.div_u ${u} (i64.const 10))`);
  const any = digitLoop('any', `(i64.rem_u ${u} ${b})`, `(i64.div_u ${u} ${b})`);
  return `(func $jl_int_string (param $x i64) (param $b i64) (param $pad i64) (result externref)
  (local $buf (ref $a16)) (local $u i64) (local $k i32) (local $n i64) (local $d i32) (local $neg i32)
  (local $sh i64)
  (if (i32.or (i64.gt_u (i64.sub (local.get $b) (i64.const 2)) (i64.const 34))
    (i64.gt_u (local.get $pad) (i64.const 64)))
   (then (return ${fallback})))
  (local.set $neg (i64.lt_s (local.get $x) (i64.const 0)))
  ;; the magnitude as an unsigned number (typemin's is 2^63)
  (local.set $u (select (i64.sub (i64.const 0) (local.get $x)) (local.get $x) (local.get $neg)))
  ;; digits go into one scratch array per module (fromCharCodeArray copies them into the new string)
  (local.set $buf (ref.as_non_null (global.get $int_digits)))
  (local.set $k (i32.const 65))
  (if (i64.eqz (i64.and (local.get $b) (i64.sub (local.get $b) (i64.const 1))))
   (then
    (local.set $sh (i64.ctz (local.get $b)))
    ${pow2})
   (else (if (i64.eq (local.get $b) (i64.const 10))
    (then ${dec})
    (else ${any}))))
  (if (local.get $neg) (then
   (local.set $k (i32.sub (local.get $k) (i32.const 1)))
   (array.set $a16 (local.get $buf) (local.get $k) (i32.const 45))))
  (call ${fromCharCodeArray} (local.get $buf) (local.get $k) (i32.const 65)))`;
}

/** `length(s::String)` in wasm: characters as the runtime splits a string (`utf8CharLength` in
 *  src/runtime/foreign.ts: a lead byte 0xc0-0xf7 takes up to 1, 2 or 3 continuation bytes, any other byte is one
 *  character); `length` and `$js_charCodeAt` are V8's string builtins */
export function stringLengthFunc(length: string): string {
  return `(func $jl_string_length (param $s externref) (result i64)
  (local $i i32) (local $n i32) (local $c i64) (local $b i32) (local $need i32)
  (local.set $n (call ${length} (local.get $s)))
  (block $done (loop $char
   (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
   (local.set $b (call $js_charCodeAt (local.get $s) (local.get $i)))
   (local.set $i (i32.add (local.get $i) (i32.const 1)))
   (local.set $c (i64.add (local.get $c) (i64.const 1)))
   (if (i32.lt_u (i32.sub (local.get $b) (i32.const 192)) (i32.const 56))
    (then
     (local.set $need (select (i32.const 1)
      (select (i32.const 2) (i32.const 3) (i32.lt_u (local.get $b) (i32.const 240)))
      (i32.lt_u (local.get $b) (i32.const 224))))
     (block $end (loop $cont
      (br_if $end (i32.eqz (local.get $need)))
      (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
      (br_if $end (i32.ne (i32.and (call $js_charCodeAt (local.get $s) (local.get $i)) (i32.const 192)) (i32.const 128)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $need (i32.sub (local.get $need) (i32.const 1)))
      (br $cont)))))
   (br $char)))
  (local.get $c))`;
}
