# namedtuple.jl
# NamedTuple{names,T}: a tuple whose fields are named by the symbols in `names`, of the types of tuple type T.

# construction. NamedTuple{names,T}(values) converts the values to T's field types; NamedTuple{names}(values) takes
# their types. From a named tuple, the fields are picked by name (in the order of `names`).
function (::Type{NamedTuple{names,T}})(args::Tuple) where {names,T<:Tuple}
    length(args) == length(names::Tuple) ||
        throw(ArgumentError("Wrong number of arguments to named tuple constructor."))
    Core._splatnew(NamedTuple{names,T}, T(args))
end
(::Type{NamedTuple{names}})(args::Tuple) where {names} = NamedTuple{names,typeof(args)}(args)
function (::Type{NamedTuple{names,T}})(nt::NamedTuple) where {names,T<:Tuple}
    NamedTuple{names,T}(Tuple(Any[getfield(nt, n) for n in names]))
end
# the fields keep their declared types
function (::Type{NamedTuple{names}})(nt::NamedTuple) where {names}
    types = Tuple{Any[fieldtype(typeof(nt), n) for n in names]...}
    Core._splatnew(NamedTuple{names,types}, Tuple(Any[getfield(nt, n) for n in names]))
end
(::Type{NamedTuple{names,T}})(itr) where {names,T<:Tuple} = NamedTuple{names,T}(T(itr))
(::Type{NamedTuple{names}})(itr) where {names} = NamedTuple{names}(Tuple(itr))
NamedTuple() = NamedTuple{(),Tuple{}}(())
NamedTuple(itr) = _kwsplat(itr)
# a named tuple of exactly type NT, from values already of its field types
_new_NamedTuple(NT::Type, args::Tuple) = Core._splatnew(NT, args)
_namedtuple(names::Tuple, vals::Tuple) = NamedTuple{names,typeof(vals)}(vals)

keys(::NamedTuple{names}) where {names} = names
values(t::NamedTuple) = Tuple(t)
Tuple(t::NamedTuple{names}) where {names} = ntuple(i -> getfield(t, i), Val(length(names)))
(::Type{T})(nt::NamedTuple) where {T<:Tuple} = (t = Tuple(nt); t isa T ? t : convert(T, t)::T)
length(t::NamedTuple) = nfields(t)
isempty(t::NamedTuple) = nfields(t) == 0
empty(::NamedTuple) = NamedTuple()
firstindex(t::NamedTuple) = 1
lastindex(t::NamedTuple) = nfields(t)
prevind(t::NamedTuple, i::Integer) = Int(i) - 1
nextind(t::NamedTuple, i::Integer) = Int(i) + 1
getindex(t::NamedTuple, i::Int) = getfield(t, i)
getindex(t::NamedTuple, s::Symbol) = getfield(t, s)
getindex(t::NamedTuple, ss::Tuple{Vararg{Symbol}}) = NamedTuple{ss}(t)
getindex(t::NamedTuple, ss::AbstractVector{Symbol}) = NamedTuple{Tuple(ss)}(t)
iterate(t::NamedTuple, i::Int=1) = i > nfields(t) ? nothing : (getfield(t, i), i + 1)
indexed_iterate(t::NamedTuple, i::Int, state=1) = (getfield(t, i), i + 1)
rest(t::NamedTuple) = t
rest(t::NamedTuple{names}, i::Int) where {names} = NamedTuple{rest(names, i)}(t)
haskey(t::NamedTuple, s::Union{Integer,Symbol}) = isdefined(t, s)
get(t::NamedTuple, s::Union{Integer,Symbol}, default) = isdefined(t, s) ? getfield(t, s) : default
get(f::Union{Function,Type}, t::NamedTuple, s::Union{Integer,Symbol}) = isdefined(t, s) ? getfield(t, s) : f()
tail(t::NamedTuple{names}) where {names} = NamedTuple{tail(names)}(t)
front(t::NamedTuple{names}) where {names} = NamedTuple{front(names)}(t)
reverse(t::NamedTuple) = NamedTuple{reverse(keys(t))}(reverse(values(t)))

# conversion: to the same names, each field converted to its declared type
convert(::Type{NT}, nt::NT) where {NT<:NamedTuple} = nt
convert(::Type{NT}, t::Tuple) where {NT<:NamedTuple} = NT(t)::NT
function convert(::Type{NT}, nt::NamedTuple{names}) where {names,NT<:NamedTuple{names}}
    T1 = Tuple{Any[fieldtype(NT, i) for i in 1:length(names)]...}
    NamedTuple{names,T1}(T1(Tuple(nt)))::NT
end

eltype(::Type{T}) where {T<:NamedTuple} = _nt_eltype(T)
_nt_eltype(T) = T isa DataType && T.parameters[2] isa Type ? eltype(T.parameters[2]) : Any
keytype(t::NamedTuple) = Symbol
keytype(::Type{<:NamedTuple}) = Symbol
valtype(t::NamedTuple) = eltype(typeof(t))
valtype(T::Type{<:NamedTuple}) = eltype(T)

==(a::NamedTuple, b::NamedTuple) = keys(a) === keys(b) && Tuple(a) == Tuple(b)
isequal(a::NamedTuple, b::NamedTuple) = keys(a) === keys(b) && isequal(Tuple(a), Tuple(b))
# the names take part: (a = 1,) and (b = 1,) differ
hash(x::NamedTuple, h::UInt) = xor(hash(keys(x), 0x4e616d6564547570), hash(Tuple(x), h))
<(a::NamedTuple{n}, b::NamedTuple{n}) where {n} = Tuple(a) < Tuple(b)
isless(a::NamedTuple{n}, b::NamedTuple{n}) where {n} = isless(Tuple(a), Tuple(b))

function show(io::IO, t::NamedTuple)
    n = nfields(t)
    # values whose types are not the declared field types: the type is shown, with the values as a tuple
    for i in 1:n
        if typeof(getfield(t, i)) !== fieldtype(typeof(t), i)
            show(io, typeof(t))
            print(io, "(")
            show(io, Tuple(t))
            print(io, ")")
            return
        end
    end
    n == 0 && return print(io, "NamedTuple()")
    print(io, "(")
    for i in 1:n
        i > 1 && print(io, ", ")
        print(io, keys(t)[i], " = ")
        show(io, getfield(t, i))
    end
    n == 1 && print(io, ",")
    print(io, ")")
end

map(f, t::NamedTuple{names}) where {names} = NamedTuple{names}(map(f, Tuple(t)))
function map(f, t::NamedTuple{names}, ts::NamedTuple...) where {names}
    all(s -> keys(s) === names, ts) || throw(ArgumentError("Named tuple names do not match."))
    NamedTuple{names}(map(f, Tuple(t), map(Tuple, ts)...))
end
filter(f, t::NamedTuple) = t[filter(k -> f(getfield(t, k)), keys(t))]

# merge: the names of a, then b's new ones; a name in b takes b's value and declared type
function merge_names(an::Tuple{Vararg{Symbol}}, bn::Tuple{Vararg{Symbol}})
    names = Symbol[an...]
    for n in bn
        n in an || push!(names, n)
    end
    (names...,)
end
function merge(a::NamedTuple, b::NamedTuple)
    an = keys(a)
    bn = keys(b)
    names = merge_names(an, bn)
    types = Tuple{Any[fieldtype(n in bn ? typeof(b) : typeof(a), n) for n in names]...}
    Core._splatnew(NamedTuple{names,types}, Tuple(Any[getfield(n in bn ? b : a, n) for n in names]))
end
merge(a::NamedTuple, b::NamedTuple, cs::NamedTuple...) = merge(merge(a, b), cs...)
merge(a::NamedTuple) = a
# pairs (Symbol => value) or (Symbol, value) tuples: a later value for a name replaces an earlier one
function merge(a::NamedTuple, itr)
    names = Symbol[]
    vals = Any[]
    for (k, v) in itr
        k = k::Symbol
        i = findfirst(==(k), names)
        if i === nothing
            push!(names, k)
            push!(vals, v)
        else
            vals[i] = v
        end
    end
    merge(a, NamedTuple{(names...,)}((vals...,)))
end

function diff_names(an::Tuple{Vararg{Symbol}}, bn::Tuple{Vararg{Symbol}})
    names = Symbol[]
    for n in an
        n in bn || push!(names, n)
    end
    (names...,)
end
delete(a::NamedTuple{an}, field::Symbol) where {an} = NamedTuple{diff_names(an, (field,))}(a)
setindex(nt::NamedTuple, v, idx::Symbol) = merge(nt, NamedTuple{(idx,)}((v,)))

# @NamedTuple{a::Int, b} and @NamedTuple begin a::Int; b end: the NamedTuple type with those fields (untyped: Any)
macro NamedTuple(ex)
    _namedtuple_type_expr(ex)
end
function _namedtuple_type_expr(ex)
    ex isa Expr && (ex.head === :braces || ex.head === :block) ||
        throw(ArgumentError("@NamedTuple expects {...} or begin...end"))
    names = Symbol[]
    types = Any[]
    for d in ex.args
        d isa LineNumberNode && continue
        if d isa Symbol
            push!(names, d)
            push!(types, :Any)
        elseif d isa Expr && d.head === :(::) && length(d.args) == 2 && d.args[1] isa Symbol
            push!(names, d.args[1])
            push!(types, esc(d.args[2]))
        else
            throw(ArgumentError("@NamedTuple must contain a sequence of name or name::type expressions"))
        end
    end
    return :(NamedTuple{$(Tuple(names)), Tuple{$(types...)}})
end

# Base.structdiff(a, b): a without the fields that b (a NamedTuple, or a NamedTuple type) names; the remaining fields
# keep their declared types
structdiff(a::NamedTuple, b::NamedTuple) = _structdiff(a, keys(b))
function structdiff(a::NamedTuple, b::Type{<:NamedTuple})
    T = b
    while T isa UnionAll
        T = T.body
    end
    _structdiff(a, T.parameters[1])
end
_structdiff(a::NamedTuple, bn::Tuple) = NamedTuple{diff_names(keys(a), bn)}(a)

findall(f, t::NamedTuple) = Symbol[k for k in keys(t) if f(getfield(t, k))]
function findfirst(f, t::NamedTuple)
    for k in keys(t)
        f(getfield(t, k)) && return k
    end
    nothing
end
function findlast(f, t::NamedTuple)
    ks = keys(t)
    for i in length(ks):-1:1
        f(getfield(t, i)) && return ks[i]
    end
    nothing
end
sym_in(x::Symbol, itr::Tuple) = x in itr
