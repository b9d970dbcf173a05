# UnionAll is the type (a parametric type is one), and calling it makes one; a TypeVar dispatches as a TypeVar and
# prints with its bounds; supertype of a UnionAll; a SimpleVector's length, elements and iteration
struct W{T} <: Real
    x::T
end
struct V{T<:Integer} <: AbstractVector{T} end
println(Vector isa UnionAll, " ", W isa UnionAll, " ", Int isa UnionAll, " ", typeof(W) === UnionAll)
println(supertype(W), " ", supertype(V))
tv = TypeVar(:T)
u = UnionAll(tv, Vector{tv})
println(u, " ", u == Vector, " ", u <: AbstractVector)
kind(x::UnionAll) = "UnionAll"
kind(x::DataType) = "DataType"
kind(x::TypeVar) = "TypeVar"
kind(x) = "other"
println(kind(Vector), " ", kind(Int), " ", kind(V.var), " ", kind(1))
println(V.var, " ", TypeVar(:S), " ", TypeVar(:S, Int, Real), " ", TypeVar(:S, Int, Any), " ", Core.Typeof(V.var))
ps = Pair{Int,String}.parameters
println(length(ps), " ", ps[2], " ", [p for p in ps])
