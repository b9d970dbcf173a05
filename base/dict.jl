# Dict{K,V}: open addressing with linear probing over `hash` and `isequal`.
hash(x) = ccall(:jl_hash, Int, (Any,), x)
# a string's hash is FNV-1a over its bytes, in Jolt (compiled, it runs in wasm); strings are equal only to strings
function hash(s::String)
    h = 0xcbf29ce484222325
    for i in 1:ncodeunits(s)
        h = xor(h, UInt64(codeunit(s, i))) * 0x00000100000001b3
    end
    h % Int
end
mutable struct Dict{K,V}
    slots::Vector{Int}      # 0 empty, otherwise index into keys/vals
    keys::Vector{K}
    vals::Vector{V}
    count::Int
end
function Dict{K,V}() where {K,V}
    Dict{K,V}(zeros(Int, 16), Vector{K}(undef, 0), Vector{V}(undef, 0), 0)
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
function _slot(d::Dict, key)
    n = length(d.slots)
    i = (hash(key) & (n - 1)) + 1
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
function _rehash!(d::Dict)
    live = _live_indices(d)
    d.slots = zeros(Int, length(d.slots) * 4)
    nk = Vector{eltype(d.keys)}(undef, 0)
    nv = Vector{eltype(d.vals)}(undef, 0)
    for s in live
        push!(nk, d.keys[s]); push!(nv, d.vals[s])
    end
    d.keys = nk; d.vals = nv
    for s in 1:length(nk)
        i, _ = _slot(d, nk[s])
        d.slots[i] = s
    end
    d
end
isassigned_entry(d::Dict, s::Int) = ccall(:jl_array_isassigned, Bool, (Any, Int), d.vals, s) && _live(d, s)
function _live(d::Dict, s::Int)
    for x in d.slots
        x == s && return true
    end
    false
end
function setindex!(d::Dict{K,V}, v, key) where {K,V}
    k = convert(K, key)
    i, s = _slot(d, k)
    if s > 0
        d.vals[s] = convert(V, v)
    else
        push!(d.keys, k); push!(d.vals, convert(V, v))
        d.slots[i] = length(d.keys)
        d.count += 1
        d.count * 3 > length(d.slots) * 2 && _rehash!(d)
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
    for s in d.slots
        s > 0 && push!(out, s)
    end
    sort!(out)
end
function iterate(d::Dict, state=(_live_indices(d), 1))
    idx, k = state
    k > length(idx) && return nothing
    s = idx[k]
    (Pair(d.keys[s], d.vals[s]), (idx, k + 1))
end
keys(d::Dict{K,V}) where {K,V} = K[d.keys[s] for s in _live_indices(d)]
values(d::Dict{K,V}) where {K,V} = V[d.vals[s] for s in _live_indices(d)]
# a Dict's or a Set's elements are collected as its eltype says (so Set{Any} gives a Vector{Any}), as in Julia
collect(d::Dict{K,V}) where {K,V} = Pair{K,V}[p for p in d]
pairs(d::Dict) = d
eltype(::Type{Dict{K,V}}) where {K,V} = Pair{K,V}
function merge(a::Dict, b::Dict)
    c = Dict{Any,Any}()
    for (k, v) in a
        c[k] = v
    end
    for (k, v) in b
        c[k] = v
    end
    _narrow(c)
end
in(p::Pair, d::Dict) = haskey(d, p.first) && isequal(d[p.first], p.second)
function ==(a::Dict, b::Dict)
    length(a) == length(b) || return false
    for (k, v) in a
        (haskey(b, k) && b[k] == v) || return false
    end
    true
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
