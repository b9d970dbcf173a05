# Inlining: small straight-line callees are inlined, `@noinline` stops it, `@inline` allows larger bodies,
# single-assignment locals become SSA values, constant arguments make a callee's builtins safe to inline.
@noinline add1(x) = x + 1
@inline function add2(x)
    y = x + 1
    y + 1
end
k(x) = add1(x) * add2(x)
struct Pair2
    a::Int
    b::Float64
end
total(p::Pair2) = p.a + p.b
mk(x) = Pair2(x, 2.0)
both(x) = total(mk(x))
@code_typed add2(1)
@code_typed k(1)
@code_typed total(Pair2(1, 2.0))
@code_typed both(3)
