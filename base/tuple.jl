# Tuples and Pairs.
indexed_iterate(t::Tuple, i::Int, state::Int=1) = (getfield(t, i), i + 1)
function indexed_iterate(x, i::Int, state...)
    y = iterate(x, state...)
    y === nothing && throw(BoundsError(x, i))
    y
end
# `a, b... = x` slurps what is left of x from the iteration state; `a, b..., c = x` also splits off the last n
rest(t::Tuple, i::Int=1) = ccall(:jl_tuple_slice, Any, (Any, Int, Int), t, i, length(t))
rest(a::Vector, i::Int=1) = a[i:length(a)]
function split_rest(t::Union{Tuple,Vector}, n::Int, i::Int=1)
    m = length(t) - n
    m >= i - 1 || throw(BoundsError(t, n))
    (t[i:m], t[m+1:length(t)])
end
first(t::Tuple) = t[1]
last(t::Tuple) = t[length(t)]
isempty(t::Tuple) = length(t) == 0
eltype(::Type{Tuple}) = Any
# equal lengths and equal elements, pairwise (tuples here; ranges and vectors in range.jl)
# (three-valued: missing when an element comparison is missing and none is false)
function _elementwise_eq(a, b)
    length(a) == length(b) || return false
    anymissing = false
    for i in 1:length(a)
        eq = a[i] == b[i]
        if eq === missing
            anymissing = true
        elseif !eq
            return false
        end
    end
    anymissing ? missing : true
end
==(a::Tuple, b::Tuple) = _elementwise_eq(a, b)
isequal(a::Tuple, b::Tuple) = _elementwise_isequal(a, b)
function _elementwise_isequal(a, b)
    length(a) == length(b) || return false
    for i in 1:length(a)
        isequal(a[i], b[i]) || return false
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
isless(p::Pair, q::Pair) = isequal(p.first, q.first) ? isless(p.second, q.second) : isless(p.first, q.first)
fieldnames(T::DataType) = ccall(:jl_fieldnames, Any, (Any,), T)
fieldcount(T::DataType) = length(fieldnames(T))
fieldtypes(T::DataType) = Tuple([fieldtype(T, i) for i in 1:fieldcount(T)])
hasfield(T::DataType, name::Symbol) = name in fieldnames(T)
isconcretetype(T) = ccall(:jl_isconcretetype, Bool, (Any,), T)
isabstracttype(T) = ccall(:jl_isabstracttype, Bool, (Any,), T)
ismutabletype(T) = ccall(:jl_ismutabletype, Bool, (Any,), T)
isprimitivetype(T) = ccall(:jl_isprimitivetype, Bool, (Any,), T)
nameof(T::DataType) = ccall(:jl_type_nameof, Symbol, (Any,), T)
nameof(m::Module) = Symbol(ccall(:jl_module_name, String, (Any,), m))
nfields_of(x) = nfields(x)
show(io::IO, p::Pair) = (_show_pair_part(io, p.first); write(io, " => "); _show_pair_part(io, p.second))
_show_pair_part(io::IO, x) = show(io, x)
_show_pair_part(io::IO, x::Pair) = (write(io, "("); show(io, x); write(io, ")"))  # a nested pair is parenthesized
lastindex(t::Tuple) = length(t)
iterate(p::Pair, i::Int=1) = i > 2 ? nothing : (getfield(p, i), i + 1)
indexed_iterate(p::Pair, i::Int, state::Int=1) = (getfield(p, i), i + 1)
getindex(p::Pair, i::Int) = getfield(p, i)
isless(p::Pair, q::Pair) = isequal(p.first, q.first) ? isless(p.second, q.second) : isless(p.first, q.first)
