# reflection on types
println(typeof(1), " ", typeof(1.0), " ", typeof("s"), " ", typeof('c'), " ", typeof(:s), " ", typeof(nothing))
println(typeof((1, "a")), " ", typeof([1, 2]), " ", typeof([1.0]), " ", typeof(1:3))
println(supertype(Int64), " ", supertype(Signed), " ", supertype(Float64))
println(Int64 <: Real, " ", Float64 <: Integer, " ", Union{Int64, Nothing})
struct Point3
    x::Int
    y::Int
    z::Int
end
println(fieldnames(Point3))
println(isa(3, Union{Int64, String}), " ", isa("a", Union{Int64, Nothing}))
println(Vector{Int64}, " ", Array{Float64, 2} === Matrix{Float64})
println(typeof(typeof(1)), " ", Int64 isa Type)
