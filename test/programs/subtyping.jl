# subtyping: unions, parametric invariance, UnionAll types, tuple covariance, Union{}
println(Int64 <: Integer, " ", Integer <: Int64, " ", Int64 <: Int64, " ", Any <: Int64)
# parametric types are invariant; UnionAll types cover every instance
println(Vector{Int} <: AbstractVector, " ", Vector{Int} <: Vector{Real}, " ", Vector{Int} <: Vector{<:Real})
println(Vector{Int} <: AbstractVector{<:Integer}, " ", Vector{String} <: Vector{<:Real}, " ", Vector{Int} <: Vector)
println(Vector{Vector{Int}} <: Vector{<:AbstractVector}, " ", Vector{Vector{Int}} <: Vector{AbstractVector})
println(Matrix{Float64} <: AbstractMatrix{<:Real}, " ", Matrix{Float64} <: AbstractVector)
println(Dict{String, Int} <: Dict, " ", Pair{Int, String} <: Pair{<:Integer, <:AbstractString})
println((Vector{T} where T<:Real) <: Vector, " ", Vector <: (Vector{T} where T<:Real))
# unions
println(Int <: Union{Int, String}, " ", Union{Int, String} <: Union{Int, String, Nothing}, " ", Union{Int, String} <: Integer)
println(Union{Int8, Int16} <: Signed, " ", Nothing <: Union{Nothing, Int}, " ", Union{Int} === Int, " ", Union{Int, Int} === Int)
println(Union{Int, Union{String, Nothing}} === Union{Nothing, String, Int})
# tuples are covariant
println(Tuple{Int, Float64} <: Tuple{Real, Real}, " ", Tuple{Int} <: Tuple{Real, Real}, " ", Tuple{Int, String} <: Tuple{Any, Any})
println(Tuple{Int, Float64} <: Tuple{Number, Vararg{Number}}, " ", Tuple{} <: Tuple{Vararg{Int}}, " ", Tuple{Int, Int, Int} <: NTuple{3, Int})
# Union{} is below everything
println(Union{} <: Int, " ", Union{} <: Union{}, " ", Int <: Union{}, " ", isa(1, Union{}))
println(Any <: Any, " ", Int <: Any, " ", Type{Int} <: DataType, " ", Int isa Type{Int}, " ", Int isa DataType)
# isa with UnionAll and Union types
println([1, 2] isa Vector{<:Integer}, " ", isa([1, 2], AbstractVector{T} where T<:Real), " ", [1.5] isa Vector{<:Integer})
println((1, 2.0) isa Tuple{Vararg{Real}}, " ", (1, "a") isa Tuple{Int, Vararg{Real}}, " ", nothing isa Union{Nothing, Int})
println(Int8(1) isa Union{Int8, Int16}, " ", 'c' isa Union{Int8, Int16}, " ", [1 2] isa Matrix{<:Number})
# printing of these types
println(Union{Int8, Int16}, " ", Union{Int, Union{String, Nothing}}, " ", Union{}, " ", Union{Float64, Nothing})
println(Vector{<:Real}, " ", AbstractVector{<:Integer}, " ", Vector{T} where T<:Real, " ", Tuple{T, T} where T<:Number)
println(Tuple{Int, Vararg{Int}}, " ", NTuple{3, Int}, " ", Tuple{}, " ", Pair{<:Integer, String})
println(AbstractVector{Int}, " ", AbstractMatrix, " ", Array{Int, N} where N, " ", Vector, " ", Matrix{T} where T<:Integer)
# a variable bounded by a union is below that union, though below none of its members
println((Tuple{T} where T<:Union{Int8,Int16}) <: (Tuple{S} where S<:Union{Int8,Int16}))
println((Tuple{T,T} where T<:Union{Int8,Int16}) == (Tuple{S,S} where S<:Union{Int8,Int16}))
println((Vector{T} where T<:Union{Int8,Int16}) <: (Vector{S} where S<:Union{Int8,Int16}))
println((Tuple{T} where T<:Union{Int8,Int16}) <: Tuple{Union{Int8,Int16,Int32}})
println((Tuple{T} where T<:Union{Int8,Int16}) <: Tuple{Int8})
println(which(*, Tuple{Int, Int}).sig == (Tuple{typeof(*), T, T} where T<:Base.BitInteger))
