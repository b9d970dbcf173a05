include("harness.jl")

# A Dict{String,Any} of Ints, Float64s and Strings; a generic function weighs each value by its type. The Dict's
# iteration order differs between the languages, so every value keeps the sum exact (integers and half-integers far
# below 2^53). Checksum: the sum.
weight(x::Int) = x
weight(x::Float64) = x
weight(x::String) = length(x)

function make_dict(n)
    g = LCG(42)
    d = Dict{String,Any}()
    for i in 1:n
        kind = next!(g) % 3
        k = next!(g) % 1000
        d["k" * string(i)] = kind == 0 ? k : kind == 1 ? k + 0.5 : "s"^(k % 16)
    end
    return d
end

function sum_values(d)
    s = 0.0
    for (k, v) in d
        s += weight(v)
    end
    return s
end

const D = make_dict(benchsize(100000))
bench("unstable_dict", () -> sum_values(D))
