# What common programs reach first, run when the Base image is built so that the image holds its native code
# (src/engine.ts runWorkload): printing numbers and strings, string functions, Dict, sort, ranges and Test.
# Everything prints into a buffer; the workload runs in a module of its own.
using Test
let io = IOBuffer()
    for x in Any[1, -20, 3.5, -0.25, 1e10, true, 'c', "str", :sym, nothing, [1, 2], [1.5], (1, "a"), 1:3]
        print(io, x)
        println(io, x)
        show(io, x)
        print(io, string(x))
    end
    println(io, 1, " ", 2.5, " ", "a")
    s = "Hello, World"
    print(io, uppercase(s), lowercase(s), length(s), split(s, ", "), join(["a", "b"], "-"), replace(s, "l" => "L"))
    print(io, startswith(s, "He"), endswith(s, "x"), occursin("lo", s), strip("  a  "), s * "!", repeat("ab", 3))
    print(io, parse(Int, "42"), parse(Float64, "2.5"), string(12), string(1.5), findfirst('o', s))
    d = Dict{String,Int}()
    d["a"] = 1
    d["b"] = get(d, "a", 0) + 1
    haskey(d, "a") && delete!(d, "a")
    print(io, d, collect(keys(d)), collect(values(d)))
    d2 = Dict(1 => "x", 2 => "y")
    for (k, v) in d2
        print(io, k, v)
    end
    v = [3, 1, 2]
    print(io, sort(v), sort(v; rev = true), sum(v), maximum(v), minimum(v), length(v))
    push!(v, 4)
    sort!(v)
    w = [2.5, 1.0]
    print(io, sort(w), sum(w))
    for i in 1:3
        print(io, i)
    end
    print(io, collect(1:2:9), [i^2 for i in 1:4], map(x -> x + 1, [1, 2]), filter(iseven, collect(1:6)))
    @test 1 + 1 == 2
    @test_throws BoundsError [1][2]
    take!(io)
end
