# user-defined iterators and the iteration helpers built on iterate
struct Countdown
    from::Int
end
Base.iterate(c::Countdown, state=c.from) = state < 1 ? nothing : (state, state - 1)
Base.length(c::Countdown) = c.from
Base.eltype(::Type{Countdown}) = Int
for i in Countdown(3)
    print(i, " ")
end
println()
println(collect(Countdown(5)), " ", sum(Countdown(4)), " ", length(Countdown(7)), " ", maximum(Countdown(6)))
println([2x for x in Countdown(3)], " ", map(x -> x + 1, Countdown(2)), " ", filter(isodd, collect(Countdown(6))))
println(first(Countdown(9)), " ", 3 in Countdown(5), " ", 8 in Countdown(5), " ", isempty(collect(Countdown(0))), " ", reduce(*, Countdown(4)))
struct Fib
    n::Int
end
function Base.iterate(f::Fib, state=(0, 1, 0))
    a, b, k = state
    k >= f.n && return nothing
    return (a, (b, a + b, k + 1))
end
Base.length(f::Fib) = f.n
Base.eltype(::Type{Fib}) = Int
println(collect(Fib(10)), " ", sum(Fib(10)))
for (i, x) in enumerate(Fib(4))
    print(i, ":", x, " ")
end
println()
println(collect(zip(Countdown(3), Fib(3))), " ", collect(enumerate("ab")))
v = [10, 20, 30]
println(collect(eachindex(v)), " ", collect(pairs(v)), " ", eachindex(v) == 1:3)
for (i, x) in pairs(v)
    print(i, "=>", x, " ")
end
println()
for (a, (b, c)) in zip(1:3, zip("xyz", v))
    print(a, b, c, " ")
end
println()
println(collect(Iterators.reverse(v)), " ", collect(Iterators.take(Fib(100), 5)), " ", collect(Iterators.drop(1:6, 4)))
it = iterate(v)
while it !== nothing
    x, st = it
    print(x, "@", st, " ")
    global it = iterate(v, st)
end
println()
println(iterate([]), " ", iterate(1:3), " ", iterate((7, 8), 2), " ", iterate("é"), " ", iterate(Countdown(2)))
println([i * j for i in 1:3 for j in 1:i], " ", [(i, c) for (i, c) in enumerate("hi")], " ", sum(i for i in Countdown(100) if i % 10 == 0))
