using Test
f(x) = x + 1
g(x) = x > 0 ? 1 : 1.0
println(@inferred f(2))
println(@inferred Int f(2))
println(@inferred [1, 2, 3][2])
println(@inferred identity(Int))
try
    @inferred g(1)
catch e
    println(e)
end
println(@inferred Union{Int,Float64} g(1))
xs = (1, 2)
println(@inferred max(xs...))
println(@NamedTuple{a::Int, b::String} === NamedTuple{(:a, :b), Tuple{Int, String}})
println(@NamedTuple{x, y::Float64})
println(@NamedTuple begin
    p::Int
    q::Vector{Int}
end)
v = [1, 2, 3]
println(GC.@preserve v sum(v))
GC.gc()
