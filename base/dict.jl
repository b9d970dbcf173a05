# Dict{K,V}: open addressing with linear probing over `hash` and `isequal`; entries are kept in insertion order.
# hash(x) is hash(x, zero(UInt)), as in Julia, so a method of hash(x::T, h::UInt) serves Dict and Set. The runtime's
# jl_hash gives every value a 64-bit code (isequal values alike: 1, 1.0, true and 1//1 the same); an integer in Int64's
# range gets _hash_int of itself, which Int64 keys compute here, in compiled code, without calling out.
function _hash_int(x::UInt64)
    z = x * 0x9e3779b97f4a7c15
    z = xor(z, z >> 30) * 0xbf58476d1ce4e5b9
    z = xor(z, z >> 27) * 0x94d049bb133111eb
    xor(z, z >> 31)
end
_hash_mix(a::UInt64, h::UInt64) = h == 0 ? a : _hash_int(a + h * 0x2545f4914f6cdd1d)
hash(x) = hash(x, zero(UInt))
hash(x, h::UInt) = _hash_mix(reinterpret(UInt, ccall(:jl_hash, Int, (Any,), x)), h)
hash(x::Int64, h::UInt) = _hash_mix(_hash_int(reinterpret(UInt, x)), h)
# a string's hash is FNV-1a over its bytes, in Jolt (compiled, it runs in wasm); strings are equal only to strings
function hash(s::String, h::UInt)
    a = 0xcbf29ce484222325
    for i in 1:ncodeunits(s)
        a = xor(a, UInt64(codeunit(s, i))) * 0x00000100000001b3
    end
    _hash_mix(a, h)
end
abstract type AbstractDict{K,V} end
# slots: 0 empty, -1 a deleted entry's, otherwise the entry's index in keys/vals; a deleted entry stays in keys and
# vals (alive false) until the table is rebuilt, so that slots never fill up: every entry, alive or not, holds one slot
mutable struct Dict{K,V} <: AbstractDict{K,V}
    slots::Vector{Int}
    keys::Vector{K}
    vals::Vector{V}
    alive::Vector{Bool}
    count::Int
end
function Dict{K,V}() where {K,V}
    Dict{K,V}(zeros(Int, 16), Vector{K}(undef, 0), Vector{V}(undef, 0), Vector{Bool}(undef, 0), 0)
end
Dict() = Dict{Any,Any}()
function Dict(ps::Pair...)
    K = _eltype_of(map_tuple(p -> p.first, ps))
    V = _eltype_of(map_tuple(p -> p.second, ps))
    d = Dict{K,V}()
    for p in ps
        d[p.first] = p.second
    end
    d
end
# An iterator that says its elements are Pair{K,V} or Tuple{K,V} (a vector of pairs, a zip) makes a Dict{K,V};
# otherwise, as collect, the Dict starts with the first pair's key and value types and widens (promote_typejoin)
# only when a pair does not fit, in a fresh call, so that a Dict comprehension infers as Dict{K,V}.
Dict(itr) = _dict_of(itr, eltype(itr))
_dict_of(itr, ::Type{Pair{K,V}}) where {K,V} = _dict_fill!(Dict{K,V}(), itr)
_dict_of(itr, ::Type{Tuple{K,V}}) where {K,V} = _dict_fill!(Dict{K,V}(), itr)
function _dict_fill!(d::Dict, itr)
    for p in itr
        d[p[1]] = p[2]
    end
    d
end
function _dict_of(itr, ::Any)
    applicable(iterate, itr) || _throw_dict_kv_error()
    y = iterate(itr)
    y === nothing && return _empty_dict(itr)
    p, st = y
    k, v = _dict_kv(p)
    d = Dict{typeof(k),typeof(v)}()
    d[k] = v
    _dict_rest!(d, itr, st)
end
# each element of Dict(itr) is a key and a value: a Pair, or anything that iterates to exactly two values
_throw_dict_kv_error() = throw(ArgumentError("AbstractDict(kv): kv needs to be an iterator of 2-tuples or pairs"))
_dict_kv(p::Pair) = (p.first, p.second)
_dict_kv(p::Tuple{Any,Any}) = p
function _dict_kv(kv)
    applicable(iterate, kv) || _throw_dict_kv_error()
    a = iterate(kv)
    a === nothing && _throw_dict_kv_error()
    b = iterate(kv, a[2])
    b === nothing && _throw_dict_kv_error()
    iterate(kv, b[2]) === nothing || _throw_dict_kv_error()
    (a[1], b[1])
end
function _dict_rest!(d::Dict{K,V}, itr, st) where {K,V}
    while true
        y = iterate(itr, st)
        y === nothing && return d
        p, st = y
        k, v = _dict_kv(p)
        if k isa K && v isa V
            d[k] = v
        else
            wider = Dict{_promote_typejoin(K, typeof(k)),_promote_typejoin(V, typeof(v))}()
            for (a, b) in d
                wider[a] = b
            end
            wider[k] = v
            return _dict_rest!(wider, itr, st)
        end
    end
end
_empty_dict(itr) = Dict{Any,Any}()
# an empty Dict comprehension takes its key and value types from inference of the generator's function
function _empty_dict(g::Generator)
    P = ccall(:jl_return_type, Any, (Any, Any), g.f, (eltype(g.iter),))
    P <: Pair ? Dict{fieldtype(P, 1),fieldtype(P, 2)}() : Dict{Any,Any}()
end
function _narrow(d::Dict)
    length(d) == 0 && return d
    K = _eltype_of(Tuple(collect(keys(d))))
    V = _eltype_of(Tuple(collect(values(d))))
    e = Dict{K,V}()
    for (k, v) in d
        e[k] = v
    end
    e
end
Tuple(v::Vector) = (v...,)
Tuple(t::Tuple) = t
Tuple(itr) = (collect(itr)...,)
function _slot(d::Dict, key)
    n = length(d.slots)
    i = (hash(key) % Int) & (n - 1) + 1
    while true
        s = d.slots[i]
        if s == 0
            return (i, 0)
        end
        if s > 0 && isequal(d.keys[s], key)
            return (i, s)
        end
        i = i == n ? 1 : i + 1
    end
end
# the first free slot (empty or deleted) on key's probe sequence, for a key known to be absent
function _free_slot(d::Dict, key)
    n = length(d.slots)
    i = (hash(key) % Int) & (n - 1) + 1
    while d.slots[i] > 0
        i = i == n ? 1 : i + 1
    end
    i
end
# rebuilds the table with only the live entries, in a table of at least 16 slots where they fill at most a third
function _rehash!(d::Dict{K,V}) where {K,V}
    n = 16
    while n < 3 * d.count
        n *= 2
    end
    nk = Vector{K}(undef, 0)
    nv = Vector{V}(undef, 0)
    for s in 1:length(d.keys)
        if d.alive[s]
            push!(nk, d.keys[s]); push!(nv, d.vals[s])
        end
    end
    d.slots = zeros(Int, n)
    d.keys = nk; d.vals = nv
    d.alive = fill(true, length(nk))
    for s in 1:length(nk)
        d.slots[_free_slot(d, nk[s])] = s
    end
    d
end
isassigned_entry(d::Dict, s::Int) = 1 <= s <= length(d.alive) && d.alive[s]
function setindex!(d::Dict{K,V}, v, key) where {K,V}
    k = convert(K, key)
    i, s = _slot(d, k)
    if s > 0
        d.vals[s] = convert(V, v)
    else
        # entries (alive or deleted) may use at most two thirds of the slots
        if (length(d.keys) + 1) * 3 > length(d.slots) * 2
            _rehash!(d)
            i = _free_slot(d, k)
        else
            i = _free_slot(d, k)
        end
        push!(d.keys, k); push!(d.vals, convert(V, v)); push!(d.alive, true)
        d.slots[i] = length(d.keys)
        d.count += 1
    end
    d
end
function getindex(d::Dict, key)
    i, s = _slot(d, key)
    s == 0 && throw(KeyError(key))
    d.vals[s]
end
function get(d::Dict, key, default)
    i, s = _slot(d, key)
    s == 0 ? default : d.vals[s]
end
function get!(d::Dict, key, default)
    i, s = _slot(d, key)
    s == 0 ? (d[key] = default; default) : d.vals[s]
end
function get(f::Function, d::Dict, key)
    i, s = _slot(d, key)
    s == 0 ? f() : d.vals[s]
end
haskey(d::Dict, key) = _slot(d, key)[2] != 0
function delete!(d::Dict, key)
    i, s = _slot(d, key)
    s == 0 && return d
    d.slots[i] = -1
    d.alive[s] = false
    d.count -= 1
    d
end
function pop!(d::Dict, key)
    v = d[key]
    delete!(d, key)
    v
end
length(d::Dict) = d.count
isempty(d::Dict) = d.count == 0
function _live_indices(d::Dict)
    out = Int[]
    for s in 1:length(d.alive)
        d.alive[s] && push!(out, s)
    end
    out
end
# the state is the index of the next entry to look at
# an entry is a Pair{K,V} whatever its values' own types (a Dict{String,Any} gives Pair{String,Any}, as in Julia)
function iterate(d::Dict{K,V}, s::Int=1) where {K,V}
    n = length(d.alive)
    while s <= n && !d.alive[s]
        s += 1
    end
    s > n && return nothing
    (Pair{K,V}(d.keys[s], d.vals[s]), s + 1)
end
keys(d::Dict{K,V}) where {K,V} = K[d.keys[s] for s in _live_indices(d)]
values(d::Dict{K,V}) where {K,V} = V[d.vals[s] for s in _live_indices(d)]
# a Dict's or a Set's elements are collected as its eltype says (so Set{Any} gives a Vector{Any}), as in Julia
collect(d::Dict{K,V}) where {K,V} = Pair{K,V}[p for p in d]
pairs(d::Dict) = d
eltype(::Type{Dict{K,V}}) where {K,V} = Pair{K,V}
# merge's result has the promoted key and value types of its arguments, as in Julia
function merge(d::Dict, others::Dict...)
    K = keytype(d)
    V = valtype(d)
    for o in others
        K = promote_type(K, keytype(o))
        V = promote_type(V, valtype(o))
    end
    merge!(Dict{K,V}(d), others...)
end
function mergewith(f, d::Dict, others::Dict...)
    K = keytype(d)
    V = valtype(d)
    for o in others
        K = promote_type(K, keytype(o))
        V = promote_type(V, valtype(o))
    end
    mergewith!(f, Dict{K,V}(d), others...)
end
merge(f::Function, d::Dict, others::Dict...) = mergewith(f, d, others...)
function merge!(d::AbstractDict, others::AbstractDict...)
    for o in others
        for (k, v) in o
            d[k] = v
        end
    end
    d
end
function mergewith!(f, d::AbstractDict, others::AbstractDict...)
    for o in others
        for (k, v) in o
            d[k] = haskey(d, k) ? f(d[k], v) : v
        end
    end
    d
end
merge!(f::Function, d::AbstractDict, others::AbstractDict...) = mergewith!(f, d, others...)
in(p::Pair, d::Dict) = haskey(d, p.first) && isequal(d[p.first], p.second)
in(x, d::AbstractDict) = error("AbstractDict collections only contain Pairs;\n" *
    "Either look for e.g. A=>B instead, or use the `keys` or `values`\n" *
    "function if you are looking for a key or value respectively.")
# == is three-valued: missing when a value compares missing and none compares false
function ==(a::Dict, b::Dict)
    length(a) == length(b) || return false
    anymissing = false
    for (k, v) in a
        i, s = _slot(b, k)
        s == 0 && return false
        eq = v == b.vals[s]
        if eq === missing
            anymissing = true
        elseif !eq
            return false
        end
    end
    anymissing ? missing : true
end
function isequal(a::Dict, b::Dict)
    length(a) == length(b) || return false
    for (k, v) in a
        i, s = _slot(b, k)
        (s != 0 && isequal(v, b.vals[s])) || return false
    end
    true
end
function (::Type{Dict{K,V}})(itr) where {K,V}
    d = Dict{K,V}()
    itr isa Pair && return (d[itr.first] = itr.second; d)
    applicable(iterate, itr) || _throw_dict_kv_error()
    for p in itr
        k, v = _dict_kv(p)
        d[k] = v
    end
    d
end
setindex!(d::AbstractDict, v, k1, k2, ks...) = setindex!(d, v, (k1, k2, ks...))
getindex(d::AbstractDict, k1, k2, ks...) = getindex(d, (k1, k2, ks...))
keytype(::Type{Dict{K,V}}) where {K,V} = K
valtype(::Type{Dict{K,V}}) where {K,V} = V
push!(d::Dict, p::Pair) = (d[p.first] = p.second; d)
function push!(d::Dict, p::Pair, q::Pair...)
    push!(d, p)
    for x in q
        push!(d, x)
    end
    d
end
function empty!(d::Dict{K,V}) where {K,V}
    d.slots = zeros(Int, 16)
    d.keys = Vector{K}(undef, 0)
    d.vals = Vector{V}(undef, 0)
    d.alive = Vector{Bool}(undef, 0)
    d.count = 0
    d
end
copy(d::Dict{K,V}) where {K,V} = Dict{K,V}(copy(d.slots), copy(d.keys), copy(d.vals), copy(d.alive), d.count)
function pop!(d::Dict, key, default)
    i, s = _slot(d, key)
    s == 0 && return default
    v = d.vals[s]
    delete!(d, key)
    v
end
function pop!(d::Dict)
    isempty(d) && throw(ArgumentError("dict must be non-empty"))
    p = iterate(d)[1]
    delete!(d, p.first)
    p
end
function get!(f::Union{Function,Type}, d::Dict, key)
    i, s = _slot(d, key)
    s != 0 && return d.vals[s]
    v = f()
    d[key] = v
    v
end
function getkey(d::Dict, key, default)
    i, s = _slot(d, key)
    s == 0 ? default : d.keys[s]
end
function filter!(f, d::Dict{K,V}) where {K,V}
    for s in 1:length(d.alive)
        if d.alive[s] && !f(Pair{K,V}(d.keys[s], d.vals[s]))
            delete!(d, d.keys[s])
        end
    end
    d
end
function show(io::IO, d::Dict{K,V}) where {K,V}
    show(io, typeof(d))
    write(io, "(")
    first = true
    for (k, v) in d
        first || write(io, ", ")
        show(io, k); write(io, " => "); show(io, v)
        first = false
    end
    write(io, ")")
end
empty(d::Dict{K,V}) where {K,V} = Dict{K,V}()

# Base.Pairs: a dictionary view of an indexable collection, its keys from `itr` (nothing: the collection's own keys).
# pairs of a named tuple (the keyword arguments `kw...` collects) is one.
struct Pairs{K,V,I,A} <: AbstractDict{K,V}
    data::A
    itr::I
end
Pairs{K,V}(data::A, itr::I) where {K,V,I,A} = Pairs{K,V,I,A}(data, itr)
Pairs{K}(data::A, itr::I) where {K,I,A} = Pairs{K,eltype(A),I,A}(data, itr)
Pairs(data::A, itr::I) where {I,A} = Pairs{I !== Nothing ? eltype(I) : keytype(A),eltype(A),I,A}(data, itr)
pairs(nt::NamedTuple) = Pairs{Symbol}(nt, nothing)
keys(p::Pairs) = getfield(p, :itr) === nothing ? keys(getfield(p, :data)) : getfield(p, :itr)
values(p::Pairs) = getfield(p, :data)
keytype(::Pairs{K}) where {K} = K
valtype(::Pairs{K,V}) where {K,V} = V
length(p::Pairs) = length(keys(p))
isempty(p::Pairs) = length(p) == 0
eltype(::Type{Pairs{K,V,I,A}}) where {K,V,I,A} = Pair{K,V}
function iterate(p::Pairs{K,V}, state...) where {K,V}
    y = iterate(keys(p), state...)
    y === nothing && return nothing
    (Pair{K,V}(y[1], getfield(p, :data)[y[1]]), y[2])
end
haskey(p::Pairs, k) = k in keys(p)
getindex(p::Pairs, k) = values(p)[k]
get(p::Pairs, k, default) = get(values(p), k, default)
get(f::Union{Function,Type}, p::Pairs, k) = get(f, values(p), k)
# keywords splatted on to another call
_kwsplat(p::Pairs{<:Any,<:Any,Nothing,<:NamedTuple}) = getfield(p, :data)
merge(a::NamedTuple, b::Pairs{<:Any,<:Any,Nothing,<:NamedTuple}) = merge(a, getfield(b, :data))
==(a::Pairs, b::Pairs) = keys(a) == keys(b) && all(k -> a[k] == b[k], keys(a))
# Base.Pairs(:a => 1, :b => 2), as Julia shows one whose keys and values are of types that need no mention
function show(io::IO, p::Pairs)
    print(io, "Base.Pairs")
    isempty(p) && print(io, "{", keytype(p), ", ", valtype(p), ", ", typeof(getfield(p, :itr)), ", ", typeof(getfield(p, :data)), "}")
    print(io, "(")
    first = true
    for (k, v) in p
        first || print(io, ", ")
        show(io, k)
        print(io, " => ")
        show(io, v)
        first = false
    end
    print(io, ")")
end

# @Kwargs{a::Int, b}: the type of the keyword arguments `kw...` collects for those names and types
macro Kwargs(ex)
    NT = _namedtuple_type_expr(ex)
    :(Base.Pairs{Symbol,eltype($NT),Nothing,$NT})
end
