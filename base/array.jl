# Array{T,N}: storage and resizing through the runtime, indexing through Core.arrayref/arrayset.
function (::Type{Array{T,1}})(::UndefInitializer, n::Int) where T
    ccall(:jl_alloc_array, Any, (Any, Any), Array{T,1}, (n,))::Array{T,1}
end
function (::Type{Array{T,2}})(::UndefInitializer, m::Int, n::Int) where T
    ccall(:jl_alloc_array, Any, (Any, Any), Array{T,2}, (m, n))::Array{T,2}
end
(::Type{Array{T,1}})() where T = Array{T,1}(undef, 0)
# Array{T}(undef, dims...): the number of dimensions from the sizes given
(::Type{Array{T}})(::UndefInitializer, n::Int) where T = Array{T,1}(undef, n)
(::Type{Array{T}})(::UndefInitializer, m::Int, n::Int) where T = Array{T,2}(undef, m, n)
(::Type{Array{T}})(::UndefInitializer, d::Tuple{Int}) where T = Array{T,1}(undef, d[1])
(::Type{Array{T}})(::UndefInitializer, d::Tuple{Int,Int}) where T = Array{T,2}(undef, d[1], d[2])
length(a::Array) = Core.arraylen(a)
size(a::Array{T,1}) where T = (length(a),)
size(a::Array{T,2}) where T = (Core.arraysize(a, 1), Core.arraysize(a, 2))
size(a::Array, d::Int) = Core.arraysize(a, d)
ndims(a::Array{T,N}) where {T,N} = N
eltype(::Type{Array{T,N}}) where {T,N} = T
eltype(a) = eltype(typeof(a))
eltype(::Type) = Any
getindex(a::Array, i::Int) = Core.arrayref(true, a, i)
getindex(a::Array, i::Int, j::Int) = Core.arrayref(true, a, i, j)
setindex!(a::Array{T}, v, i::Int) where T = Core.arrayset(true, a, convert(T, v), i)
setindex!(a::Array{T}, v, i::Int, j::Int) where T = Core.arrayset(true, a, convert(T, v), i, j)
# an index of another integer type (Int32, UInt, BigInt) reads and writes the same element as its Int value
getindex(a::Array, i::Union{Signed,Unsigned}) = a[Int(i)]
setindex!(a::Array, v, i::Union{Signed,Unsigned}) = setindex!(a, v, Int(i))
function getindex(a::Vector{T}, r::UnitRange) where T
    b = Vector{T}(undef, length(r))
    k = 1
    for i in r
        b[k] = a[i]
        k += 1
    end
    b
end
firstindex(a::Array) = 1
lastindex(a::Array) = length(a)
lastindex(a::Array, d::Int) = size(a, d)
eachindex(a::Array) = 1:length(a)
axes(a::Vector) = (1:length(a),)
isempty(a) = length(a) == 0
# the element read is in bounds by the test before it (so the optimizer may inline it, see optimize.ts emitInlined)
iterate(a::Array, i::Int=1) = i > length(a) ? nothing : (Core.arrayref(false, a, i), i + 1)
function push!(a::Vector{T}, x) where T
    v = convert(T, x)
    ccall(:jl_array_grow_end, Nothing, (Any, Int), a, 1)
    a[length(a)] = v
    a
end
function push!(a::Vector, x, y, zs...)
    push!(a, x); push!(a, y)
    for z in zs
        push!(a, z)
    end
    a
end
function pop!(a::Vector)
    isempty(a) && throw(ArgumentError("array must be non-empty"))
    x = a[length(a)]
    ccall(:jl_array_del_end, Nothing, (Any, Int), a, 1)
    x
end
function pushfirst!(a::Vector{T}, x) where T
    ccall(:jl_array_grow_beg, Nothing, (Any, Int), a, 1)
    a[1] = x
    a
end
function popfirst!(a::Vector)
    isempty(a) && throw(ArgumentError("array must be non-empty"))
    x = a[1]
    ccall(:jl_array_del_beg, Nothing, (Any, Int), a, 1)
    x
end
function append!(a::Vector, items)
    for x in items
        push!(a, x)
    end
    a
end
# indices in increasing order, each once, as Julia requires
function deleteat!(a::Vector, inds::AbstractVector{<:Integer})
    for k in 2:length(inds)
        inds[k] > inds[k-1] || throw(ArgumentError("indices must be unique and sorted"))
    end
    for k in length(inds):-1:1
        deleteat!(a, Int(inds[k]))
    end
    a
end
function deleteat!(a::Vector, r::UnitRange{Int})
    isempty(r) && return a
    (1 <= first(r) && last(r) <= length(a)) || throw(BoundsError(a, r))
    ccall(:jl_array_del_at, Nothing, (Any, Int, Int), a, first(r), length(r))
    a
end
# whether element i (linear) is assigned: false out of bounds, as in Julia
isassigned(a::Array, i::Int) = 1 <= i <= length(a) && ccall(:jl_array_isassigned, Bool, (Any, Int), a, i)
isassigned(a::Matrix, i::Int, j::Int) = 1 <= i <= size(a, 1) && 1 <= j <= size(a, 2) && isassigned(a, i + (j - 1) * size(a, 1))
function deleteat!(a::Vector, i::Int)
    (1 <= i <= length(a)) || throw(BoundsError(a, i))
    ccall(:jl_array_del_at, Nothing, (Any, Int, Int), a, i, 1)
    a
end
function insert!(a::Vector{T}, i::Int, x) where T
    1 <= i <= length(a) + 1 || throw(BoundsError(a, i))
    ccall(:jl_array_grow_at, Nothing, (Any, Int, Int), a, i, 1)
    a[i] = x
    a
end
empty!(a::Vector) = (ccall(:jl_array_del_end, Nothing, (Any, Int), a, length(a)); a)
function resize!(a::Vector, n::Integer)
    n < 0 && throw(ArgumentError("new length must be ≥ 0"))
    len = length(a)
    if n > len
        ccall(:jl_array_grow_end, Nothing, (Any, Int), a, Int(n) - len)
    elseif n < len
        ccall(:jl_array_del_end, Nothing, (Any, Int), a, len - Int(n))
    end
    a
end
sizehint!(a::Vector, n::Integer) = a
# elements all of one type: the vector's type is known to inference
function vect(x::T, xs::T...) where T
    a = Vector{T}(undef, length(xs) + 1)
    a[1] = x
    for i in 1:length(xs)
        a[i + 1] = xs[i]
    end
    a
end
function vect(xs...)
    T = _eltype_of(xs)
    a = Vector{T}(undef, length(xs))
    for i in 1:length(xs)
        a[i] = xs[i]
    end
    a
end
function _eltype_of(xs::Tuple)
    length(xs) == 0 && return Any
    T = typeof(xs[1])
    for i in 2:length(xs)
        S = typeof(xs[i])
        if S !== T
            T = _promote_join(T, S)
        end
    end
    T
end
# Julia's promote_typejoin (what collect widens with): the types' join, but a Union with Nothing
_promote_typejoin(T, S) = (_is_absent_type(T) || _is_absent_type(S)) ? Union{T, S} :
    (T isa Union && S <: T) ? T : typejoin(T, S)
# the element type of a literal vector (vect): Int64 and Float64 promote; with nothing, the element type is a Union
# (with Missing or Nothing in either type, the other members promote and the result is a Union with those:
# [1.0, missing, 5] is a Vector{Union{Missing, Float64}})
_promote_join(T, S) = (_has_absent(T) || _has_absent(S)) && !_is_absent_type(T) && !_is_absent_type(S) ?
    _promote_join_absent(T, S) : _promote_join_plain(T, S)
_has_absent(T) = T isa Union && (Missing <: T || Nothing <: T) && T !== Any
_absent_part(T) = Union{Missing <: T ? Missing : Union{}, Nothing <: T ? Nothing : Union{}}
_present_part(T) = nonmissingtype(_nonnothing(T))
function _promote_join_absent(T, S)
    a, b = _present_part(T), _present_part(S)
    r = a === Union{} ? b : b === Union{} ? a : _promote_join(a, b)
    r === Any ? Any : Union{r, _absent_part(T), _absent_part(S)}
end
_promote_join_plain(T, S) = (T === Int64 && S === Float64) || (T === Float64 && S === Int64) ? Float64 :
    (_is_absent_type(T) || _is_absent_type(S)) ? (T === Any || S === Any ? Any : Union{T, S}) : (T isa Union && S <: T) ? T :
    _is_int_type(T) && _is_int_type(S) ? _promote_bool_int(T, S) : typejoin(T, S)
# Nothing and Missing join any type in a Union (Julia's promote_typejoin keeps Union{T, Missing} small)
_is_absent_type(T) = T === Nothing || T === Missing
# integers of different widths (and Bool, which gives way to any of them) promote as Julia's promote_type
_is_int_type(T) = T === Bool || T <: BitInteger
_promote_bool_int(T, S) = T === Bool ? S : S === Bool ? T : _promote_int(T, S)
typejoin(T, S) = ccall(:jl_typejoin, Any, (Any, Any), T, S)
function getindex(::Type{T}, xs...) where T
    a = Vector{T}(undef, length(xs))
    for i in 1:length(xs)
        a[i] = xs[i]
    end
    a
end
function copy(a::Vector{T}) where T
    b = Vector{T}(undef, length(a))
    for i in 1:length(a)
        b[i] = a[i]
    end
    b
end
# an array's collect is a copy with its element type and shape (Any[1, 2] stays a Vector{Any})
collect(a::Vector) = copy(a)
zeros(n::Int) = fill(0.0, n)
ones(n::Int) = fill(1.0, n)
# (Julia's are BitVectors)
falses(n::Int) = fill(false, n)
trues(n::Int) = fill(true, n)
zeros(::Type{T}, n::Int) where T = fill(zero(T), n)
function fill(x, n::Int)
    a = Vector{typeof(x)}(undef, n)
    for i in 1:n
        a[i] = x
    end
    a
end
# equal shapes and equal elements, three-valued (tuple.jl _elementwise_eq)
==(a::Array, b::Array) = size(a) == size(b) && _elementwise_eq(a, b)
function reverse(a::Vector{T}) where T
    n = length(a)
    b = Vector{T}(undef, n)
    for i in 1:n
        b[i] = a[n - i + 1]
    end
    b
end
# (three-valued: missing when a comparison is missing and none is true)
function in(x, itr)
    anymissing = false
    for y in itr
        eq = y == x
        if eq === missing
            anymissing = true
        elseif eq
            return true
        end
    end
    anymissing ? missing : false
end
∈(x, itr) = in(x, itr)
∉(x, itr) = !in(x, itr)
similar(a::Array{T,1}) where {T} = Array{T,1}(undef, length(a))
similar(a::Array{T,1}, ::Type{S}) where {T,S} = Array{S,1}(undef, length(a))
similar(a::Array{T,1}, ::Type{S}, n::Int) where {T,S} = Array{S,1}(undef, n)
function prepend!(a::Vector, items)
    k = 0
    for x in items
        k += 1
        insert!(a, k, x)
    end
    a
end
