# pair.jl
# `kw...` in a method signature: the keyword arguments that the method does not name
_kwrest() = pairs(NamedTuple())
function _kwrest(nt::NamedTuple, named::Tuple)
    ks = Any[k for k in keys(nt) if !(k in named)]
    pairs(_namedtuple(Tuple(ks), Tuple(Any[getfield(nt, k) for k in ks])))
end
# `f(; x...)` and `f(; :k => v)` at a call: keywords from a NamedTuple or from Symbol => value pairs
_kwsplat(nt::NamedTuple) = nt
function _kwsplat(itr)
    ks = Any[]
    vs = Any[]
    for p in itr
        push!(ks, first(p))
        push!(vs, last(p))
    end
    _namedtuple(Tuple(ks), Tuple(vs))
end
