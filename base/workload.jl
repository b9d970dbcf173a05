# What common programs reach first, run when the Base image is built so that the image holds its native code
# (src/engine.ts startSession): printing numbers and strings, string functions, Dict, sort, ranges, @time and
# Test. It runs in a module of its own, and its output is discarded.
using Test
for x in Any[1, -20, 3.5, -0.25, 1e10, true, 'c', "str", :sym, nothing, [1, 2], [1.5], ["a"], (1, "a"), 1:3]
    print(x)
    println(x)
    show(x)
    println(string(x))
end
println(1, " ", 2.5, " ", "a")
println("x = ", 1)
let io = IOBuffer()
    print(io, 1, "a", 2.5)
    String(take!(io))
end
let s = "Hello, World"
    println(uppercase(s), lowercase(s), length(s), split(s, ", "), join(["a", "b"], "-"), replace(s, "l" => "L"))
    println(startswith(s, "He"), endswith(s, "x"), occursin("lo", s), strip("  a  "), s * "!", repeat("ab", 3))
    println(parse(Int, "42"), parse(Float64, "2.5"), string(12), string(1.5), findfirst('o', s), "$(s) $(1)")
end
let d = Dict{String,Int}()
    d["a"] = 1
    d["b"] = get(d, "a", 0) + 1
    haskey(d, "a") && delete!(d, "a")
    println(d, collect(keys(d)), collect(values(d)))
    d2 = Dict(1 => "x", 2 => "y")
    for (k, v) in d2
        println(k, v)
    end
end
let v = [3, 1, 2]
    println(sort(v), sort(v; rev = true), sum(v), maximum(v), minimum(v), length(v))
    push!(v, 4)
    sort!(v)
    w = [2.5, 1.0]
    println(sort(w), sum(w))
    for i in 1:3
        print(i)
    end
    println(collect(1:2:9), [i^2 for i in 1:4], map(x -> x + 1, [1, 2]), filter(iseven, collect(1:6)))
end
@time 1 + 1
@testset "workload" begin
    @test 1 + 1 == 2
    @test_throws BoundsError [1][2]
end
