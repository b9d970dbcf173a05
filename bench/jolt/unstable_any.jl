include("harness.jl")

# Type-unstable code: a Vector{Any} of Ints, Float64s and Strings, each element passed to a function of three
# methods, so every call is dispatched on the element's type at run time. Checksum: the sum (exact: every Float64 is
# a half-integer and the total stays far below 2^53).
f(x::Int) = x + 1
f(x::Float64) = 2x
f(x::String) = length(x)

function make_data(n)
    g = LCG(42)
    v = Vector{Any}(undef, n)
    for i in 1:n
        kind = next!(g) % 3
        k = next!(g) % 1000
        v[i] = kind == 0 ? k : kind == 1 ? k + 0.5 : "s"^(k % 16)
    end
    return v
end

function sumf(v)
    s = 0
    for x in v
        s += f(x)
    end
    return s
end

const V = make_data(benchsize(100000))
bench("unstable_any", () -> sumf(V))
