# reflection: supertype chains, fields, type predicates, typeof of values, type printing
function chain(T)
    names = Any[T]
    while T !== Any
        T = supertype(T)
        push!(names, T)
    end
    join(names, " <: ")
end
println(chain(Int8))
println(chain(Float32))
println(chain(Bool))
println(chain(String))
println(supertype(Any), " ", supertype(Signed))
abstract type Vehicle end
struct Car <: Vehicle
    make::String
    year::Int
    electric::Bool
end
mutable struct Garage
    cars::Vector{Car}
    capacity
end
println(chain(Car))
println(fieldnames(Car), " ", fieldnames(Garage))
println(fieldtypes(Car), " ", fieldtypes(Garage))
println(fieldcount(Car), " ", fieldtype(Car, :year), " ", fieldtype(Garage, 2), " ", hasfield(Car, :make), " ", hasfield(Car, :model))
println(isconcretetype(Car), " ", isconcretetype(Vehicle), " ", isabstracttype(Vehicle), " ", isabstracttype(Car))
println(isconcretetype(Vector{Int}), " ", isconcretetype(Vector), " ", isconcretetype(Union{Int, String}), " ", isconcretetype(Tuple{Int, String}), " ", isconcretetype(Tuple{Int, Real}))
println(ismutabletype(Garage), " ", ismutabletype(Car), " ", isprimitivetype(Int64), " ", isprimitivetype(Car), " ", isabstracttype(AbstractArray))
println(nameof(Car), " ", nameof(Int64), " ", nameof(Vector{Int}))
g = Garage([Car("VW", 1999, false)], 2)
println(nfields(g), " ", getfield(g, :capacity), " ", getfield(g.cars[1], 1), " ", typeof(g.cars))
# typeof of literals and containers
println(typeof(1), " ", typeof(1.0), " ", typeof(1f0), " ", typeof(0x01), " ", typeof(Int8(1)), " ", typeof(true))
println(typeof('a'), " ", typeof("a"), " ", typeof(:a), " ", typeof(nothing), " ", typeof(1 + 2im))
println(typeof(1:3), " ", typeof(1 => "a"))
println(typeof(()), " ", typeof((1,)), " ", typeof((1, "a", 2.0)), " ", typeof(((1, 2), 'x')))
println(typeof((a=1, b="x")), " ", typeof((x=1.5,)))
println(typeof([1, 2]), " ", typeof([1.0 2.0; 3.0 4.0]), " ", typeof(["a"]), " ", typeof(Any[]), " ", typeof([[1], [2, 3]]))
println(typeof(Dict("a" => 1)), " ", typeof(Dict{Symbol, Vector{Float64}}()), " ", typeof(Set([1, 2])))
println(typeof(sin), " ", typeof(+), " ", typeof(chain), " ", typeof(x -> x) <: Function)
println(typeof(Int), " ", typeof(Union{Int, String}), " ", typeof(Vector))
# types print the way they are written
println(Vector{Int64}, " ", Dict{String, Int64}, " ", Union{Nothing, Int64}, " ", Matrix{Float64}, " ", Array{Int64, 3})
println(Tuple{Int64, String}, " ", Pair{String, Vector{Int64}}, " ", NamedTuple{(:a, :b), Tuple{Int64, Float64}})
println(string(Vector{Int}), " ", repr(Union{Int, String}), " ", sprint(show, Dict{Int, Car}))
println(eltype([1.0, 2.0]), " ", eltype(Dict("a" => 1)), " ", eltype(1:3), " ", eltype(String[]))
println(Int === Int64, " ", UInt === UInt64, " ", typemax(Int8), " ", typemin(Int16), " ", sizeof(Int32), " ", sizeof(Float64))
