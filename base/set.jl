# Sets: Set{T} on Dict{T,Nothing} (elements compared with isequal), BitSet (Ints, kept sorted), IdSet{T} (in
# iddict.jl, elements compared with ===), and what every AbstractSet has from push!, delete!, in, length, iterate,
# empty! and emptymutable. The set operations (union, intersect, setdiff, symdiff, issubset, ...) also take vectors
# and other collections, as in Julia: on a vector they keep its order and give a vector without repeats.
abstract type AbstractSet{T} end
struct Set{T} <: AbstractSet{T}
    dict::Dict{T,Nothing}
    Set{T}(d::Dict{T,Nothing}) where {T} = new{T}(d)
end
Set{T}() where T = Set{T}(Dict{T,Nothing}())
# Set{T}(itr): the elements of any iterable, converted to T
function Set{T}(itr) where T
    s = Set{T}()
    for x in itr
        push!(s, x)
    end
    s
end
Set() = Set{Any}()
function Set(g::Generator)
    v = collect(g)
    isempty(v) || return Set{eltype(v)}(v)
    R = ccall(:jl_return_type, Any, (Any, Any), g.f, (eltype(g.iter),))
    Set{_union_join(R)}()
end
_union_join(R) = R isa Union ? _promote_typejoin(_union_join(R.a), _union_join(R.b)) : R
function Set(itr)
    v = collect(itr)
    s = Set{eltype(v)}()
    for x in v
        push!(s, x)
    end
    s
end
push!(s::Set, x) = (s.dict[x] = nothing; s)
delete!(s::Set, x) = (delete!(s.dict, x); s)
in(x, s::Set) = haskey(s.dict, x)
length(s::Set) = length(s.dict)
function iterate(s::Set, state...)
    y = iterate(s.dict, state...)
    y === nothing && return nothing
    (y[1].first, y[2])
end
empty!(s::Set) = (empty!(s.dict); s)
copy(s::Set{T}) where T = Set{T}(copy(s.dict))
# pop!(s, x): the element of s equal to x (not x itself), removed
struct _NotInSet end
const _NOT_IN_SET = _NotInSet()
function pop!(s::Set, x, default)
    k = getkey(s.dict, x, _NOT_IN_SET)
    k === _NOT_IN_SET && return default
    delete!(s.dict, x)
    k
end
function pop!(s::Set, x)
    k = getkey(s.dict, x, _NOT_IN_SET)
    k === _NOT_IN_SET && throw(KeyError(x))
    delete!(s.dict, x)
    k
end
function filter!(f, s::Set)
    for x in collect(s)
        f(x) || delete!(s.dict, x)
    end
    s
end
rehash!(s::Set) = s

# BitSet: a set of Ints, iterated in increasing order
mutable struct BitSet <: AbstractSet{Int}
    elts::Vector{Int}
    BitSet() = new(Int[])
end
function BitSet(itr)
    s = BitSet()
    for x in itr
        push!(s, x)
    end
    s
end
# the place of n in s.elts (found, index) or where it would go
function _bitset_find(s::BitSet, n::Int)
    i = searchsortedfirst(s.elts, n)
    (i <= length(s.elts) && s.elts[i] == n, i)
end
function push!(s::BitSet, x)
    n = convert(Int, x)
    found, i = _bitset_find(s, n)
    found || insert!(s.elts, i, n)
    s
end
_bitset_int(x) = x isa Real && isinteger(x) && typemin(Int) <= x <= typemax(Int)
in(x, s::BitSet) = _bitset_int(x) && _bitset_find(s, Int(x))[1]
function delete!(s::BitSet, x)
    _bitset_int(x) || return s
    found, i = _bitset_find(s, Int(x))
    found && deleteat!(s.elts, i)
    s
end
length(s::BitSet) = length(s.elts)
iterate(s::BitSet, i::Int=1) = i > length(s.elts) ? nothing : (s.elts[i], i + 1)
empty!(s::BitSet) = (empty!(s.elts); s)
copy(s::BitSet) = (c = BitSet(); append!(c.elts, s.elts); c)
function pop!(s::BitSet, x, default)
    _bitset_int(x) || return default
    found, i = _bitset_find(s, Int(x))
    found || return default
    deleteat!(s.elts, i)
    Int(x)
end
pop!(s::BitSet, x) = (y = pop!(s, x, _NOT_IN_SET); y === _NOT_IN_SET ? throw(KeyError(x)) : y)
function filter!(f, s::BitSet)
    filter!(f, s.elts)
    s
end
emptymutable(::BitSet, ::Type{Int}) = BitSet()
union(s::BitSet, sets...) = union!(copy(s), sets...)
minimum(s::BitSet) = isempty(s) ? throw(ArgumentError("collection must be non-empty")) : s.elts[1]
maximum(s::BitSet) = isempty(s) ? throw(ArgumentError("collection must be non-empty")) : s.elts[end]

# -- what every AbstractSet has
eltype(::Type{<:AbstractSet{T}}) where T = T
isempty(s::AbstractSet) = length(s) == 0
collect(s::AbstractSet{T}) where T = T[x for x in s]
function pop!(s::AbstractSet)
    isempty(s) && throw(ArgumentError("set must be non-empty"))
    x = first(s)
    delete!(s, x)
    x
end
function first(s::AbstractSet)
    y = iterate(s)
    y === nothing && throw(ArgumentError("collection must be non-empty"))
    y[1]
end
sizehint!(s::AbstractSet, n; shrink::Bool=true) = s
# a new, empty set of the same kind that holds U (a Set{U} unless the kind has its own)
emptymutable(s::AbstractSet{T}, ::Type{U}=T) where {T,U} = Set{U}()
# (any other collection gives a vector)
emptymutable(itr, ::Type{U}) where {U} = Vector{U}()
empty(s::AbstractSet{T}, ::Type{U}=T) where {T,U} = emptymutable(s, U)
copymutable(s::AbstractSet{T}) where T = copy!(emptymutable(s, T), s)
copy!(dst::AbstractSet, src::AbstractSet) = dst === src ? dst : union!(empty!(dst), src)
filter(f, s::AbstractSet) = filter!(f, copy(s))
convert(::Type{S}, s::S) where {S<:AbstractSet} = s
convert(::Type{Set{T}}, s::AbstractSet) where T = Set{T}(s)
# in!(x, s): whether x was in s already; adds it if not
in!(x, s::AbstractSet) = x in s ? true : (push!(s, x); false)

function hash(s::AbstractSet, h::UInt)
    hv = 0x6f8d2ab75b1e4c39
    for x in s
        hv = xor(hv, hash(x))
    end
    hash(hv, h)
end
==(a::AbstractSet, b::AbstractSet) = length(a) == length(b) && issubset(a, b)
isequal(a::AbstractSet, b::AbstractSet) = a == b
<(a::AbstractSet, b::AbstractSet) = a ⊊ b
<=(a::AbstractSet, b::AbstractSet) = issubset(a, b)
>(a::AbstractSet, b::AbstractSet) = b ⊊ a
>=(a::AbstractSet, b::AbstractSet) = issubset(b, a)

# (an empty set inside a collection whose element type names it prints as Set())
function show(io::IO, s::Set)
    if isempty(s)
        get(io, :typeinfo, Any) == typeof(s) || show(io, typeof(s))
        return write(io, get(io, :typeinfo, Any) == typeof(s) ? "Set()" : "()")
    end
    write(io, "Set(")
    show(io, collect(s))
    write(io, ")")
end
show(io::IO, s::BitSet) = (write(io, "BitSet("); show(io, s.elts); write(io, ")"))

# how many distinct values T has (typemax(Int) when that many or more): union! stops adding once it has them all
max_values(::Type{Bool}) = 2
max_values(::Type{Nothing}) = 1
max_values(::Type{Missing}) = 1
max_values(T::Type{<:Union{Int8,UInt8,Int16,UInt16,Int32,UInt32}}) =
    T isa Union ? _max_values_union(T) : 1 << (8 * sizeof(T))
max_values(T::Type{<:Union{Nothing,Missing,Bool}}) = T isa Union ? _max_values_union(T) : 1
# (a Union: its members' counts added, without overflow)
_max_values_union(T::Union) = (a = max_values(T.a); b = max_values(T.b); a > typemax(Int) - b ? typemax(Int) : a + b)
max_values(T::Type) = T isa Union ? _max_values_union(T) : typemax(Int)

_promote_eltype(xs...) = promote_type(map(eltype, xs)...)

# -- union
union(s, sets...) = union!(emptymutable(s, _promote_eltype(s, sets...)), s, sets...)
function union!(s::AbstractSet, itr)
    n = max_values(eltype(s))
    for x in itr
        push!(s, x)
        length(s) == n && break
    end
    s
end
union!(s::AbstractSet, sets...) = (for x in sets; union!(s, x); end; s)
const ∪ = union
# on a vector: its elements without repeats, then those of itrs not seen yet, in order
function union!(v::AbstractVector{T}, itrs...) where T
    unique!(v)
    seen = Set{T}(v)
    for itr in itrs
        for x in itr
            x in seen && continue
            push!(seen, x)
            push!(v, x)
        end
    end
    v
end

# -- intersect
function intersect(s::AbstractSet, itrs...)
    T = _promote_eltype(s, itrs...)
    intersect!(union!(emptymutable(s, T), s), itrs...)
end
function intersect(itr, itrs...)
    out = Vector{_promote_eltype(itr, itrs...)}()
    seen = Set{eltype(itr)}()
    for x in itr
        x in seen && continue
        push!(seen, x)
        all(c -> x in c, itrs) && push!(out, x)
    end
    out
end
intersect!(s::AbstractSet, s2::AbstractSet) = filter!(x -> x in s2, s)
intersect!(s::AbstractSet, itr) = intersect!(s, union!(emptymutable(s, eltype(itr)), itr))
intersect!(s::AbstractSet, itrs...) = (for x in itrs; intersect!(s, x); end; s)
function intersect!(v::AbstractVector, itrs...)
    unique!(v)
    filter!(x -> all(c -> x in c, itrs), v)
end
const ∩ = intersect

# -- setdiff
setdiff(s::AbstractSet, itrs...) = setdiff!(copymutable(s), itrs...)
function setdiff(itr, itrs...)
    out = Vector{eltype(itr)}()
    seen = Set{eltype(itr)}()
    for x in itr
        x in seen && continue
        push!(seen, x)
        any(c -> x in c, itrs) || push!(out, x)
    end
    out
end
setdiff!(s::AbstractSet, itrs...) = (for itr in itrs, x in itr; delete!(s, x); end; s)
function setdiff!(v::AbstractVector, itrs...)
    unique!(v)
    filter!(x -> !any(c -> x in c, itrs), v)
end

# -- symdiff: the elements in an odd number of the collections (each counted once)
symdiff(s, sets...) = symdiff!(emptymutable(s, _promote_eltype(s, sets...)), s, sets...)
function symdiff!(s::AbstractSet, itr)
    for x in (itr isa AbstractSet ? itr : unique(itr))
        x in s ? delete!(s, x) : push!(s, x)
    end
    s
end
symdiff!(s::AbstractSet, itrs...) = (for x in itrs; symdiff!(s, x); end; s)
function symdiff!(v::AbstractVector{T}, itrs...) where T
    odd = Set{T}()
    symdiff!(odd, v)
    for itr in itrs
        symdiff!(odd, itr)
    end
    order = unique(v)
    for itr in itrs
        for x in itr
            push!(order, x)
        end
    end
    empty!(v)
    for x in unique(order)
        x in odd && push!(v, x)
    end
    v
end

# -- subsets
issubset(a, b) = all(x -> x in b, a)
const ⊆ = issubset
⊇(a, b) = issubset(b, a)
⊈(a, b) = !issubset(a, b)
⊉(a, b) = !issubset(b, a)
⊊(a::AbstractSet, b::AbstractSet) = length(a) < length(b) && issubset(a, b)
⊊(a::AbstractSet, b) = a ⊊ Set(b)
⊊(a, b::AbstractSet) = Set(a) ⊊ b
⊊(a, b) = Set(a) ⊊ Set(b)
⊋(a, b) = b ⊊ a
issetequal(a::AbstractSet, b::AbstractSet) = a == b
issetequal(a::AbstractSet, b) = a == Set(b)
issetequal(a, b::AbstractSet) = Set(a) == b
issetequal(a, b) = Set(a) == Set(b)
for f in (:issubset, :⊇, :⊈, :⊉, :⊊, :⊋, :issetequal, :isdisjoint)
    @eval $f(x) = Fix2($f, x)
end
isdisjoint(a, b) = !any(x -> x in b, a)
# (integer unit ranges by their ends: they may be too long to walk)
function isdisjoint(a::AbstractRange{<:Integer}, b::AbstractRange{<:Integer})
    (isempty(a) || isempty(b)) && return true
    if abs(step(a)) == 1 && abs(step(b)) == 1
        lo(r) = step(r) > 0 ? first(r) : last(r)
        hi(r) = step(r) > 0 ? last(r) : first(r)
        return max(lo(a), lo(b)) > min(hi(a), hi(b))
    end
    length(a) <= length(b) ? !any(x -> x in b, a) : !any(x -> x in a, b)
end

# -- unique, allunique, allequal
function unique(a::Union{Vector{T},AbstractRange{T},Set{T}}) where T
    seen = Set{T}()
    out = Vector{T}(undef, 0)
    for x in a
        if !(x in seen)
            push!(seen, x); push!(out, x)
        end
    end
    out
end
function unique(itr)
    seen = Set{Any}()
    out = Any[]
    for x in itr
        if !(x in seen)
            push!(seen, x); push!(out, x)
        end
    end
    collect(Generator(identity, out))
end
# unique(f, itr): the elements whose f(x) was not seen before
function unique(f, itr; seen::Union{AbstractSet,Nothing}=nothing)
    out = Vector{eltype(itr)}()
    s = seen === nothing ? Set() : seen
    for x in itr
        y = f(x)
        y in s && continue
        push!(s, y)
        push!(out, x)
    end
    out
end
# unique!(v): v without its repeats, in place
function unique!(v::AbstractVector{T}) where T
    seen = Set{T}()
    k = 0
    for i in 1:length(v)
        x = v[i]
        x in seen && continue
        push!(seen, x)
        k += 1
        v[k] = x
    end
    resize!(v, k)
end
function unique!(f, v::AbstractVector; seen::Union{AbstractSet,Nothing}=nothing)
    s = seen === nothing ? Set() : seen
    k = 0
    for i in 1:length(v)
        x = v[i]
        y = f(x)
        y in s && continue
        push!(s, y)
        k += 1
        v[k] = x
    end
    resize!(v, k)
end
_has_length_known(itr) = IteratorSize(itr) isa Union{HasLength,HasShape}
function allunique(itr)
    _has_length_known(itr) && length(itr) < 2 && return true
    seen = Set{eltype(itr)}()
    for x in itr
        x in seen && return false
        push!(seen, x)
    end
    true
end
allunique(s::AbstractSet) = true
allunique(r::AbstractRange) = length(r) < 2 || step(r) != zero(step(r))
allunique(f, xs) = _has_length_known(xs) && length(xs) < 2 ? true : allunique(Generator(f, xs))
function allequal(itr)
    _has_length_known(itr) && length(itr) < 2 && return true
    y = iterate(itr)
    y === nothing && return true
    x1 = y[1]
    y = iterate(itr, y[2])
    while y !== nothing
        isequal(y[1], x1) || return false
        y = iterate(itr, y[2])
    end
    true
end
allequal(s::AbstractSet) = length(s) < 2
allequal(d::AbstractDict) = length(d) < 2
allequal(r::AbstractRange) = length(r) < 2 || iszero(step(r))
allequal(f, xs) = _has_length_known(xs) && length(xs) < 2 ? true : allequal(Generator(f, xs))
# whether `in` is faster than a walk through the elements
hasfastin(::Type) = false
hasfastin(::Type{<:Union{AbstractSet,AbstractDict,AbstractRange}}) = true
hasfastin(x) = hasfastin(typeof(x))
