# IdDict{K,V}: a dictionary whose keys are compared with === (and hashed by identity: a mutable key by the object,
# an immutable one by its contents), on a Dict of _IdKey wrappers; entries are kept in insertion order.
struct _IdKey
    x::Any
end
hash(k::_IdKey, h::UInt) = _hash_mix(reinterpret(UInt, ccall(:jl_hash, Int, (Any,), k.x)), h)
isequal(a::_IdKey, b::_IdKey) = a.x === b.x
==(a::_IdKey, b::_IdKey) = a.x === b.x

mutable struct IdDict{K,V} <: AbstractDict{K,V}
    d::Dict{_IdKey,V}
    IdDict{K,V}() where {K,V} = new{K,V}(Dict{_IdKey,V}())
end
IdDict() = IdDict{Any,Any}()
function IdDict{K,V}(itr) where {K,V}
    d = IdDict{K,V}()
    itr isa Pair && return (d[itr.first] = itr.second; d)
    applicable(iterate, itr) || _throw_dict_kv_error()
    for p in itr
        k, v = _dict_kv(p)
        d[k] = v
    end
    d
end
IdDict{K,V}(p::Pair, ps::Pair...) where {K,V} = IdDict{K,V}((p, ps...))
function IdDict(ps::Pair...)
    K = _eltype_of(map_tuple(p -> p.first, ps))
    V = _eltype_of(map_tuple(p -> p.second, ps))
    IdDict{K,V}(ps)
end
# from any other iterable of pairs: the key and value types of Dict(itr)
IdDict(itr) = (d = Dict(itr); IdDict{keytype(d),valtype(d)}(d))
IdDict(d::IdDict{K,V}) where {K,V} = IdDict{K,V}(d)

function setindex!(d::IdDict{K,V}, v, key) where {K,V}
    # a key is not converted: it must already be a K, as Julia's IdDict requires
    key isa K || throw(TypeError(:setindex!, "IdDict", K, key))
    d.d[_IdKey(key)] = convert(V, v)
    d
end
getindex(d::IdDict, key) = (k = _IdKey(key); haskey(d.d, k) ? d.d[k] : throw(KeyError(key)))
get(d::IdDict, key, default) = get(d.d, _IdKey(key), default)
get(f::Function, d::IdDict, key) = get(f, d.d, _IdKey(key))
function get!(d::IdDict{K,V}, key, default) where {K,V}
    k = _IdKey(key)
    haskey(d.d, k) && return d.d[k]
    v = convert(V, default)
    d[key] = v
    v
end
function get!(f::Union{Function,Type}, d::IdDict{K,V}, key) where {K,V}
    k = _IdKey(key)
    haskey(d.d, k) && return d.d[k]
    v = convert(V, f())
    d[key] = v
    v
end
haskey(d::IdDict, key) = haskey(d.d, _IdKey(key))
getkey(d::IdDict, key, default) = haskey(d, key) ? key : default
delete!(d::IdDict, key) = (delete!(d.d, _IdKey(key)); d)
pop!(d::IdDict, key) = pop!(d.d, _IdKey(key))
pop!(d::IdDict, key, default) = pop!(d.d, _IdKey(key), default)
function pop!(d::IdDict)
    isempty(d) && throw(ArgumentError("dict must be non-empty"))
    p = iterate(d)[1]
    delete!(d, p.first)
    p
end
length(d::IdDict) = length(d.d)
isempty(d::IdDict) = isempty(d.d)
empty!(d::IdDict) = (empty!(d.d); d)
empty(d::IdDict{K,V}) where {K,V} = IdDict{K,V}()
copy(d::IdDict{K,V}) where {K,V} = (c = IdDict{K,V}(); c.d = copy(d.d); c)
function iterate(d::IdDict{K,V}, s...) where {K,V}
    y = iterate(d.d, s...)
    y === nothing && return nothing
    (Pair{K,V}(y[1].first.x, y[1].second), y[2])
end
keys(d::IdDict{K,V}) where {K,V} = K[p.first for p in d]
values(d::IdDict{K,V}) where {K,V} = V[p.second for p in d]
collect(d::IdDict{K,V}) where {K,V} = Pair{K,V}[p for p in d]
eltype(::Type{IdDict{K,V}}) where {K,V} = Pair{K,V}
keytype(::Type{IdDict{K,V}}) where {K,V} = K
valtype(::Type{IdDict{K,V}}) where {K,V} = V
keytype(::IdDict{K,V}) where {K,V} = K
valtype(::IdDict{K,V}) where {K,V} = V
sizehint!(d::IdDict, n) = d
in(p::Pair, d::IdDict) = haskey(d, p.first) && isequal(d[p.first], p.second)
push!(d::IdDict, p::Pair) = (d[p.first] = p.second; d)
function filter!(f, d::IdDict)
    for p in collect(d)
        f(p) || delete!(d, p.first)
    end
    d
end
merge(d::IdDict, others::AbstractDict...) = merge!(copy(d), others...)
# equality with any dictionary: the same keys (as the other compares them) with == (isequal) values
function _iddict_eq(eq, a::IdDict, b::AbstractDict)
    a === b && return true
    length(a) == length(b) || return false
    for (k, v) in a
        haskey(b, k) || return false
        eq(v, b[k]) || return false
    end
    true
end
==(a::IdDict, b::AbstractDict) = _iddict_eq(==, a, b)
==(a::AbstractDict, b::IdDict) = _iddict_eq(==, b, a)
==(a::IdDict, b::IdDict) = _iddict_eq(==, a, b)
isequal(a::IdDict, b::AbstractDict) = _iddict_eq(isequal, a, b)
isequal(a::AbstractDict, b::IdDict) = _iddict_eq(isequal, b, a)
isequal(a::IdDict, b::IdDict) = _iddict_eq(isequal, a, b)

# show: as a Dict, a dictionary met again inside itself shown as a circular reference
const _shown_iddicts = Any[]
function show(io::IO, d::IdDict)
    for k in 1:length(_shown_iddicts)
        if _shown_iddicts[k] === d
            print(io, "#= circular reference @-", length(_shown_iddicts) - k + 1, " =#")
            return
        end
    end
    push!(_shown_iddicts, d)
    try
        show(io, typeof(d))
        write(io, "(")
        first = true
        for (k, v) in d
            first || write(io, ", ")
            show(io, k); write(io, " => "); show(io, v)
            first = false
        end
        write(io, ")")
    finally
        pop!(_shown_iddicts)
    end
end
summary(io::IO, d::IdDict) = (show(io, typeof(d)); print(io, " with ", length(d), length(d) == 1 ? " entry" : " entries"))
show(io::IO, ::MIME{Symbol("text/plain")}, d::IdDict) = (summary(io, d); for (k, v) in d; print(io, "\n  "); show(io, k); print(io, " => "); show(io, v); end)

# IdSet{T}: a set whose elements are compared with === (on an IdDict)
struct IdSet{T} <: AbstractSet{T}
    dict::IdDict{T,Nothing}
    IdSet{T}(d::IdDict{T,Nothing}) where {T} = new{T}(d)
end
IdSet{T}() where {T} = IdSet{T}(IdDict{T,Nothing}())
IdSet{T}(itr) where {T} = union!(IdSet{T}(), itr)
IdSet() = IdSet{Any}()
IdSet(itr) = IdSet{eltype(itr)}(itr)
push!(s::IdSet, x) = (s.dict[x] = nothing; s)
delete!(s::IdSet, x) = (delete!(s.dict, x); s)
in(x, s::IdSet) = haskey(s.dict, x)
length(s::IdSet) = length(s.dict)
function iterate(s::IdSet, state...)
    y = iterate(s.dict, state...)
    y === nothing && return nothing
    (y[1].first, y[2])
end
empty!(s::IdSet) = (empty!(s.dict); s)
copy(s::IdSet{T}) where {T} = IdSet{T}(copy(s.dict))
emptymutable(::IdSet, ::Type{U}) where {U} = IdSet{U}()
pop!(s::IdSet, x, default) = x in s ? (delete!(s.dict, x); x) : default
pop!(s::IdSet, x) = x in s ? (delete!(s.dict, x); x) : throw(KeyError(x))
filter!(f, s::IdSet) = (for x in collect(s); f(x) || delete!(s.dict, x); end; s)
sizehint!(s::IdSet, n) = nothing
