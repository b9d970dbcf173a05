;; Storage of Float64 and Int64 arrays, and of struct fields (values.ts JStruct), as WebAssembly GC objects, shared
;; by the interpreter and compiled code. A reference vector holds the fields of a struct with a field that is not a
;; bits value, or the elements of an array whose element type is not a bits type (nor Any); null stands for #undef.
;; It holds them as anyref: a value kept in a vector of its own (a struct, an array) as that vector, so compiled code
;; reads it with a cast and no call out of wasm; any other JS value as itself (internalized). The JS side passes a
;; struct's or array's vector in place of the object (values.ts wasmValue), and reads get the object back (the
;; vector's owner). A field of a bits type (Int64, Float64, Bool, Char, ...) of such a struct holds its 64 bits in a
;; `$bits` box, which compiled code makes and reads without a call out of wasm; the JS side reads and writes it by
;; its bits (ref_get_bits, ref_set_bits; values.ts encodes each bits type as compiled code does).
;; A vector is a struct {data, length, owner, tag}: `data` is a GC array whose length is the capacity, replaced when it
;; grows, so a vector's identity never changes; `owner` is the JArray or JStruct (a JS object) whose storage it is,
;; which is how compiled code, passing vectors around unboxed, hands the array itself to the runtime; `tag` is its
;; type's tag (one `$tt` per DataType). A struct that compiled code makes has no owner until one is asked for
;; (*_owner): the runtime makes the JStruct around it then from its tag's type (`adopt`), so a struct that never
;; leaves compiled code costs no JS object. Compiled modules
;; declare the same types; the engine canonicalizes them, so their struct.get/array.get work on these objects.
;; The JS side (gc_arrays.ts) calls these exports; indices are 0-based and already checked there.
(module
 ;; a struct type's tag: its DataType (compiled code imports one per type it makes structs of)
 (type $tt (struct (field externref)))
 (type $af64 (array (mut f64)))
 (type $vf64 (struct (field $d (mut (ref $af64))) (field $n (mut i32)) (field $o (mut externref)) (field $t (ref null $tt))))
 (type $ai64 (array (mut i64)))
 (type $vi64 (struct (field $d (mut (ref $ai64))) (field $n (mut i32)) (field $o (mut externref)) (field $t (ref null $tt))))
 (type $aref (array (mut anyref)))
 (type $vref (struct (field $d (mut (ref $aref))) (field $n (mut i32)) (field $o (mut externref)) (field $t (ref null $tt))))
 (type $bits (struct (field i64)))
 ;; the struct around a vector compiled code made (whose owner is still null), made by the runtime from its type
 (import "rt" "adopt" (func $adopt (param anyref externref) (result externref)))

 (func (export "tag_new") (param $t externref) (result (ref $tt))
  (struct.new $tt (local.get $t)))

 (func (export "f64_new") (param $n i32) (param $o externref) (param $t (ref $tt)) (result (ref $vf64))
  (struct.new $vf64 (array.new_default $af64 (local.get $n)) (local.get $n) (local.get $o) (local.get $t)))
 ;; another array's elements under a new owner (reshape)
 (func (export "f64_view") (param $v (ref $vf64)) (param $o externref) (param $t (ref $tt)) (result (ref $vf64))
  (struct.new $vf64 (struct.get $vf64 $d (local.get $v)) (struct.get $vf64 $n (local.get $v)) (local.get $o) (local.get $t)))
 (func $f64_owner (export "f64_owner") (param $v (ref $vf64)) (result externref)
  (local $x externref)
  (if (ref.is_null (local.tee $x (struct.get $vf64 $o (local.get $v))))
   (then
    (local.set $x (call $adopt (local.get $v) (struct.get $tt 0 (ref.as_non_null (struct.get $vf64 $t (local.get $v))))))
    (struct.set $vf64 $o (local.get $v) (local.get $x))))
  (local.get $x))
 (func (export "f64_len") (param $v (ref $vf64)) (result i32)
  (struct.get $vf64 $n (local.get $v)))
 (func (export "f64_get") (param $v (ref $vf64)) (param $i i32) (result f64)
  (array.get $af64 (struct.get $vf64 $d (local.get $v)) (local.get $i)))
 (func (export "f64_set") (param $v (ref $vf64)) (param $i i32) (param $x f64)
  (array.set $af64 (struct.get $vf64 $d (local.get $v)) (local.get $i) (local.get $x)))
 ;; new length $n: a larger capacity (at least double) when needed; elements past the old length read as 0
 (func (export "f64_resize") (param $v (ref $vf64)) (param $n i32)
  (local $old (ref $af64)) (local $new (ref $af64)) (local $len i32)
  (local.set $old (struct.get $vf64 $d (local.get $v)))
  (local.set $len (struct.get $vf64 $n (local.get $v)))
  (if (i32.gt_u (local.get $n) (array.len (local.get $old)))
   (then
    (local.set $new (array.new_default $af64
     (select (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))
      (i32.gt_u (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))))))
    (array.copy $af64 $af64 (local.get $new) (i32.const 0) (local.get $old) (i32.const 0) (local.get $len))
    (struct.set $vf64 $d (local.get $v) (local.get $new)))
   (else
    (if (i32.gt_u (local.get $n) (local.get $len))
     (then (array.fill $af64 (local.get $old) (local.get $len) (f64.const 0) (i32.sub (local.get $n) (local.get $len)))))))
  (struct.set $vf64 $n (local.get $v) (local.get $n)))
 ;; moves $k elements from $src to $dst within the vector (overlap allowed)
 (func (export "f64_move") (param $v (ref $vf64)) (param $dst i32) (param $src i32) (param $k i32)
  (array.copy $af64 $af64 (struct.get $vf64 $d (local.get $v)) (local.get $dst) (struct.get $vf64 $d (local.get $v)) (local.get $src) (local.get $k)))
 (func (export "f64_zero") (param $v (ref $vf64)) (param $at i32) (param $k i32)
  (array.fill $af64 (struct.get $vf64 $d (local.get $v)) (local.get $at) (f64.const 0) (local.get $k)))

 (func (export "i64_new") (param $n i32) (param $o externref) (param $t (ref $tt)) (result (ref $vi64))
  (struct.new $vi64 (array.new_default $ai64 (local.get $n)) (local.get $n) (local.get $o) (local.get $t)))
 ;; another array's elements under a new owner (reshape)
 (func (export "i64_view") (param $v (ref $vi64)) (param $o externref) (param $t (ref $tt)) (result (ref $vi64))
  (struct.new $vi64 (struct.get $vi64 $d (local.get $v)) (struct.get $vi64 $n (local.get $v)) (local.get $o) (local.get $t)))
 (func $i64_owner (export "i64_owner") (param $v (ref $vi64)) (result externref)
  (local $x externref)
  (if (ref.is_null (local.tee $x (struct.get $vi64 $o (local.get $v))))
   (then
    (local.set $x (call $adopt (local.get $v) (struct.get $tt 0 (ref.as_non_null (struct.get $vi64 $t (local.get $v))))))
    (struct.set $vi64 $o (local.get $v) (local.get $x))))
  (local.get $x))
 (func (export "i64_len") (param $v (ref $vi64)) (result i32)
  (struct.get $vi64 $n (local.get $v)))
 (func (export "i64_get") (param $v (ref $vi64)) (param $i i32) (result i64)
  (array.get $ai64 (struct.get $vi64 $d (local.get $v)) (local.get $i)))
 (func (export "i64_set") (param $v (ref $vi64)) (param $i i32) (param $x i64)
  (array.set $ai64 (struct.get $vi64 $d (local.get $v)) (local.get $i) (local.get $x)))
 (func (export "i64_resize") (param $v (ref $vi64)) (param $n i32)
  (local $old (ref $ai64)) (local $new (ref $ai64)) (local $len i32)
  (local.set $old (struct.get $vi64 $d (local.get $v)))
  (local.set $len (struct.get $vi64 $n (local.get $v)))
  (if (i32.gt_u (local.get $n) (array.len (local.get $old)))
   (then
    (local.set $new (array.new_default $ai64
     (select (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))
      (i32.gt_u (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))))))
    (array.copy $ai64 $ai64 (local.get $new) (i32.const 0) (local.get $old) (i32.const 0) (local.get $len))
    (struct.set $vi64 $d (local.get $v) (local.get $new)))
   (else
    (if (i32.gt_u (local.get $n) (local.get $len))
     (then (array.fill $ai64 (local.get $old) (local.get $len) (i64.const 0) (i32.sub (local.get $n) (local.get $len)))))))
  (struct.set $vi64 $n (local.get $v) (local.get $n)))
 (func (export "i64_move") (param $v (ref $vi64)) (param $dst i32) (param $src i32) (param $k i32)
  (array.copy $ai64 $ai64 (struct.get $vi64 $d (local.get $v)) (local.get $dst) (struct.get $vi64 $d (local.get $v)) (local.get $src) (local.get $k)))
 (func (export "i64_zero") (param $v (ref $vi64)) (param $at i32) (param $k i32)
  (array.fill $ai64 (struct.get $vi64 $d (local.get $v)) (local.get $at) (i64.const 0) (local.get $k)))

 (func (export "ref_new") (param $n i32) (param $o externref) (param $t (ref $tt)) (result (ref $vref))
  (struct.new $vref (array.new $aref (ref.null any) (local.get $n)) (local.get $n) (local.get $o) (local.get $t)))
 ;; the common small structs made with their fields in one call
 (func (export "ref_new1") (param $o externref) (param $t (ref $tt)) (param $a anyref) (result (ref $vref))
  (struct.new $vref (array.new_fixed $aref 1 (local.get $a)) (i32.const 1) (local.get $o) (local.get $t)))
 (func (export "ref_new2") (param $o externref) (param $t (ref $tt)) (param $a anyref) (param $b anyref) (result (ref $vref))
  (struct.new $vref (array.new_fixed $aref 2 (local.get $a) (local.get $b)) (i32.const 2) (local.get $o) (local.get $t)))
 (func (export "ref_new3") (param $o externref) (param $t (ref $tt)) (param $a anyref) (param $b anyref) (param $c anyref) (result (ref $vref))
  (struct.new $vref (array.new_fixed $aref 3 (local.get $a) (local.get $b) (local.get $c)) (i32.const 3) (local.get $o) (local.get $t)))
 (func $ref_owner (export "ref_owner") (param $v (ref $vref)) (result externref)
  (local $x externref)
  (if (ref.is_null (local.tee $x (struct.get $vref $o (local.get $v))))
   (then
    (local.set $x (call $adopt (local.get $v) (struct.get $tt 0 (ref.as_non_null (struct.get $vref $t (local.get $v))))))
    (struct.set $vref $o (local.get $v) (local.get $x))))
  (local.get $x))
 (func (export "ref_len") (param $v (ref $vref)) (result i32)
  (struct.get $vref $n (local.get $v)))
 ;; an element as JS sees it: a vector's owner, any other value itself
 (func $from_any (param $x anyref) (result externref)
  (if (ref.test (ref $vref) (local.get $x)) (then (return (call $ref_owner (ref.cast (ref $vref) (local.get $x))))))
  (if (ref.test (ref $vf64) (local.get $x)) (then (return (call $f64_owner (ref.cast (ref $vf64) (local.get $x))))))
  (if (ref.test (ref $vi64) (local.get $x)) (then (return (call $i64_owner (ref.cast (ref $vi64) (local.get $x))))))
  (extern.convert_any (local.get $x)))
 (func (export "ref_get") (param $v (ref $vref)) (param $i i32) (result externref)
  (call $from_any (array.get $aref (struct.get $vref $d (local.get $v)) (local.get $i))))
 (func (export "ref_set") (param $v (ref $vref)) (param $i i32) (param $x anyref)
  (array.set $aref (struct.get $vref $d (local.get $v)) (local.get $i) (local.get $x)))
 ;; another array's elements under a new owner (reshape)
 (func (export "ref_view") (param $v (ref $vref)) (param $o externref) (param $t (ref $tt)) (result (ref $vref))
  (struct.new $vref (struct.get $vref $d (local.get $v)) (struct.get $vref $n (local.get $v)) (local.get $o) (local.get $t)))
 ;; new length $n, as f64_resize; elements past the old length are null (#undef)
 (func (export "ref_resize") (param $v (ref $vref)) (param $n i32)
  (local $old (ref $aref)) (local $new (ref $aref)) (local $len i32)
  (local.set $old (struct.get $vref $d (local.get $v)))
  (local.set $len (struct.get $vref $n (local.get $v)))
  (if (i32.gt_u (local.get $n) (array.len (local.get $old)))
   (then
    (local.set $new (array.new $aref (ref.null any)
     (select (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))
      (i32.gt_u (local.get $n) (i32.shl (array.len (local.get $old)) (i32.const 1))))))
    (array.copy $aref $aref (local.get $new) (i32.const 0) (local.get $old) (i32.const 0) (local.get $len))
    (struct.set $vref $d (local.get $v) (local.get $new)))
   (else
    ;; shrinking drops the references past the new length, so the collector can take them
    (if (i32.gt_u (local.get $len) (local.get $n))
     (then (array.fill $aref (local.get $old) (local.get $n) (ref.null any) (i32.sub (local.get $len) (local.get $n)))))))
  (struct.set $vref $n (local.get $v) (local.get $n)))
 (func (export "ref_move") (param $v (ref $vref)) (param $dst i32) (param $src i32) (param $k i32)
  (array.copy $aref $aref (struct.get $vref $d (local.get $v)) (local.get $dst) (struct.get $vref $d (local.get $v)) (local.get $src) (local.get $k)))
 (func (export "ref_zero") (param $v (ref $vref)) (param $at i32) (param $k i32)
  (array.fill $aref (struct.get $vref $d (local.get $v)) (local.get $at) (ref.null any) (local.get $k)))
 ;; a bits field: its box made from the bits, and the bits read back (0 for an unset field, as Julia leaves such a
 ;; field arbitrary)
 (func (export "bits_box") (param $x i64) (result anyref)
  (struct.new $bits (local.get $x)))
 (func (export "ref_get_bits") (param $v (ref $vref)) (param $i i32) (result i64)
  (local $x anyref)
  (local.set $x (array.get $aref (struct.get $vref $d (local.get $v)) (local.get $i)))
  (if (result i64) (ref.test (ref $bits) (local.get $x))
   (then (struct.get $bits 0 (ref.cast (ref $bits) (local.get $x))))
   (else (i64.const 0))))
 (func (export "ref_set_bits") (param $v (ref $vref)) (param $i i32) (param $x i64)
  (array.set $aref (struct.get $vref $d (local.get $v)) (local.get $i) (struct.new $bits (local.get $x))))
)
