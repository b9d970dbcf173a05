# the diagonal rule: a type variable stands for a concrete type only when it occurs more than once in covariant
# position and never in invariant position; a variable that occurs once may be bound to an abstract type
println(Tuple{Any,Int} <: (Tuple{K,V} where {K,V}), " ", Tuple{Int,Any} <: (Tuple{K,V} where {K,V}))
println(Tuple{Any} <: (Tuple{K} where K), " ", Tuple{Any,Any} <: (Tuple{K,V} where {K,V}))
println(Tuple{Number,Real} <: (Tuple{K,V} where {K,V<:Real}), " ", Pair{Any,Int} <: (Pair{K,V} where {K,V}))
# two covariant occurrences: a concrete type only
println(Tuple{Int,Int} <: (Tuple{T,T} where T), " ", Tuple{Any,Any} <: (Tuple{T,T} where T))
println(Tuple{Int,Float64} <: (Tuple{T,T} where T), " ", Tuple{Number,Int} <: (Tuple{T,T} where T))
println(Tuple{Int,Number} <: (Tuple{T,T} where T))
# Vararg elements are occurrences too
println(Tuple{Any} <: (Tuple{Vararg{T}} where T), " ", Tuple{Int,Int} <: (Tuple{Vararg{T}} where T))
println(Tuple{Int,Float64} <: (Tuple{Vararg{T}} where T))
# an invariant occurrence lifts the rule
println(Tuple{Any,Vector{Any}} <: (Tuple{T,Vector{T}} where T), " ", Tuple{Vector{Any},Any} <: (Tuple{Vector{T},T} where T))
# isa and dispatch
println((1, "a") isa (Tuple{K,V} where {K,V}), " ", (1, "a") isa (Tuple{T,T} where T))
kv(::Tuple{K,V}) where {K,V} = (K, V)
println(kv((Any[1][1], 2)), " ", kv((1, "a")))
same(x::T, y::T) where {T} = "same"
same(x, y) = "different"
println(same(1, 2), " ", same(1, 2.0), " ", same(Any[1][1], 2))
first_type(t::Tuple{K,V}) where {K,V} = K
ts = Any[(1, 2), ("a", 2.5)]
println(first_type(ts[1]), " ", first_type(ts[2]))
# an abstractly inferred tuple still reaches the method
mixed(v) = (v[1], 2)
println(kv(mixed(Any[1.5])), " ", first_type(mixed(Any["x"])))
