# Control flow: branches, loops, narrowing, unions, recursion.
g1(x) = x > 0 ? x : 0.0
function g2(n)
    s = 0
    i = 1
    while i <= n
        s += i
        i += 1
    end
    s
end
function g3(n)
    t = 0.0
    for k in 1:n
        t += 1.0 / (k * k)
    end
    t
end
fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
g5(x) = x === nothing ? 0 : x + 1
g6(x) = x isa Int ? x : 0
function g7(x)
    if x > 1
        return "big"
    end
    return x
end
iseven2(n) = n == 0 ? true : isodd2(n - 1)
isodd2(n) = n == 0 ? false : iseven2(n - 1)
g9(v::Vector{Int}) = length(v) > 0 ? v[1] : -1
@code_typed g1(1)
@code_warntype g1(1)
@code_typed g2(10)
@code_typed g3(10)
@code_typed fib(30)
@code_typed g5(nothing)
@code_typed g5(3)
@code_typed g6(2.5)
@code_warntype g7(1)
@code_typed iseven2(4)
@code_typed g9([1, 2])
println(Base.return_types(g5, (Union{Nothing, Int},)))
println(Base.return_types(fib, (Int,)))
# union splitting: a call on a Union{Int64, String} branches to each member's method
describe(x::Int) = x + 1
describe(x::String) = length(x)
function splitcall(flag)
    v = flag ? 1 : "abc"
    describe(v) * 2
end
@code_typed splitcall(true)
println(splitcall(true), " ", splitcall(false))
