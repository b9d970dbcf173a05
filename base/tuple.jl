# Tuples and Pairs.
indexed_iterate(t::Tuple, i::Int, state::Int=1) = (getfield(t, i), i + 1)
function indexed_iterate(x, i::Int, state...)
    y = iterate(x, state...)
    y === nothing && throw(BoundsError(x, i))
    y
end
first(t::Tuple) = t[1]
last(t::Tuple) = t[length(t)]
isempty(t::Tuple) = length(t) == 0
eltype(::Type{Tuple}) = Any
function ==(a::Tuple, b::Tuple)
    length(a) == length(b) || return false
    for i in 1:length(a)
        a[i] == b[i] || return false
    end
    true
end
struct Pair{A,B}
    first::A
    second::B
end
(=>)(a, b) = Pair(a, b)
first(p::Pair) = p.first
last(p::Pair) = p.second
fieldnames(T::DataType) = ccall(:jl_fieldnames, Any, (Any,), T)
nfields_of(x) = nfields(x)
show(io::IO, p::Pair) = (show(io, p.first); write(io, " => "); show(io, p.second))
lastindex(t::Tuple) = length(t)
iterate(p::Pair, i::Int=1) = i > 2 ? nothing : (getfield(p, i), i + 1)
indexed_iterate(p::Pair, i::Int, state::Int=1) = (getfield(p, i), i + 1)
getindex(p::Pair, i::Int) = getfield(p, i)
