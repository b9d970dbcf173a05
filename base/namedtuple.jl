# namedtuple.jl
# NamedTuple{names,T}: a tuple whose fields are named by the symbols in `names`.
keys(::NamedTuple{names}) where {names} = names
values(t::NamedTuple) = Tuple([getfield(t, i) for i in 1:nfields(t)])
Tuple(t::NamedTuple) = values(t)
length(t::NamedTuple) = nfields(t)
isempty(t::NamedTuple) = nfields(t) == 0
getindex(t::NamedTuple, i::Int) = getfield(t, i)
getindex(t::NamedTuple, s::Symbol) = getfield(t, s)
getindex(t::NamedTuple, ss::Tuple{Vararg{Symbol}}) = _namedtuple(ss, Tuple([getfield(t, s) for s in ss]))
iterate(t::NamedTuple, i::Int=1) = i > nfields(t) ? nothing : (getfield(t, i), i + 1)
haskey(t::NamedTuple, s::Symbol) = s in keys(t)
get(t::NamedTuple, s::Symbol, default) = haskey(t, s) ? getfield(t, s) : default
_namedtuple(names::Tuple, vals::Tuple) = NamedTuple{names,typeof(vals)}(vals)
NamedTuple() = NamedTuple{(),Tuple{}}(())
# later names replace the values of earlier ones and keep their positions
function merge(a::NamedTuple, b::NamedTuple)
    names = Any[keys(a)...]
    for s in keys(b)
        s in names || push!(names, s)
    end
    _namedtuple(Tuple(names), Tuple([haskey(b, s) ? b[s] : a[s] for s in names]))
end
function show(io::IO, t::NamedTuple)
    n = nfields(t)
    n == 0 && return write(io, "NamedTuple()")
    write(io, "(")
    for i in 1:n
        i > 1 && write(io, ", ")
        print(io, keys(t)[i], " = ")
        show(io, getfield(t, i))
    end
    n == 1 && write(io, ",")
    write(io, ")")
end
pairs(t::NamedTuple) = Any[k => getfield(t, k) for k in keys(t)]  # (Julia returns an Iterators.Pairs)

# @NamedTuple{a::Int, b} and @NamedTuple begin a::Int; b end: the NamedTuple type with those fields (untyped: Any)
macro NamedTuple(ex)
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
            throw(ArgumentError("@NamedTuple: invalid field $d"))
        end
    end
    return :(NamedTuple{$(Tuple(names)), Tuple{$(types...)}})
end

# named tuples with the same names order as their values do
isless(a::NamedTuple{n}, b::NamedTuple{n}) where {n} = isless(Tuple(a), Tuple(b))
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
function _structdiff(a::NamedTuple, bn::Tuple)
    names = Symbol[]
    types = Any[]
    vals = Any[]
    for i in 1:nfields(a)
        s = keys(a)[i]
        s in bn && continue
        push!(names, s)
        push!(types, typeof(a).parameters[2].parameters[i])
        push!(vals, getfield(a, i))
    end
    NamedTuple{Tuple(names), Tuple{types...}}(Tuple(vals))
end
