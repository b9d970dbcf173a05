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
first(::Tuple{}) = throw(ArgumentError("tuple must be non-empty"))
last(t::Tuple) = t[length(t)]
isempty(t::Tuple) = length(t) == 0
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
# the number of fields of a type; a tuple type of no definite length, an abstract type or a named tuple type of
# unknown names and types has none
function fieldcount(t)
    if t isa UnionAll || t isa Union
        t = _argument_datatype(t)
        t === nothing && throw(ArgumentError("type does not have a definite number of fields"))
    elseif t === Union{}
        throw(ArgumentError("The empty type does not have a well-defined number of fields since it does not have instances."))
    end
    t isa DataType || throw(TypeError(:fieldcount, "", DataType, t))
    if t.name === NamedTuple.body.body.name
        names, types = t.parameters[1], t.parameters[2]
        names isa Tuple && return length(names)
        types isa DataType && types <: Tuple && return fieldcount(types)
        throw(ArgumentError("type does not have a definite number of fields"))
    end
    if t.name === Tuple.name
        ps = t.parameters
        (t === Tuple || (!isempty(ps) && ps[length(ps)] isa Core.TypeofVararg)) &&
            throw(ArgumentError("type does not have a definite number of fields"))
        return length(ps)
    end
    isabstracttype(t) && throw(ArgumentError("type does not have a definite number of fields"))
    length(fieldnames(t))
end
# the DataType under a UnionAll (a Union has none)
function _argument_datatype(t)
    while t isa UnionAll
        t = t.body
    end
    t isa DataType ? t : nothing
end
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

# -- more of Julia's tuple functions
firstindex(t::Tuple) = 1
size(t::Tuple, d::Integer) = d == 1 ? length(t) : throw(ArgumentError("invalid tuple dimension $d"))
axes(t::Tuple) = (1:length(t),)
keys(t::Tuple) = 1:length(t)
function keys(t::Tuple, ts::Tuple...)
    n = length(t)
    all(s -> length(s) == n, ts) ||
        throw(DimensionMismatch("all inputs to eachindex must have the same indices, got $(join(map(x -> "Base.OneTo($(length(x)))", (t, ts...)), ", "))"))
    1:n
end
eachindex(t::Tuple, ts::Tuple...) = keys(t, ts...)
prevind(t::Tuple, i::Integer) = Int(i) - 1
nextind(t::Tuple, i::Integer) = Int(i) + 1
getindex(t::Tuple, i::Integer) = getfield(t, convert(Int, i))
getindex(t::Tuple, r::AbstractVector) = (Any[t[i] for i in r]...,)
getindex(t::Tuple, b::AbstractVector{Bool}) = length(b) == length(t) ? getindex(t, findall(b)) : throw(BoundsError(t, b))
get(t::Tuple, i::Integer, default) = 1 <= i <= length(t) ? getindex(t, i) : default
get(f::Union{Function,Type}, t::Tuple, i::Integer) = 1 <= i <= length(t) ? getindex(t, i) : f()
isassigned(t::Tuple, i::Integer) = 1 <= i <= length(t)

# setindex(t, v, i): a new tuple, with v at i
function setindex(t::Tuple, v, i::Integer)
    1 <= i <= length(t) || throw(BoundsError(t, i))
    _setindex(v, i, t)
end
_setindex(v, i::Integer, t::Tuple{Vararg{Any,N}}) where {N} = ntuple(j -> j == i ? v : t[j], Val(N))

# front: the converse of tail, all but the last element
front(t::Tuple) = _front(t...)
_front() = throw(ArgumentError("Cannot call front on an empty tuple."))
_front(v) = ()
_front(v, t...) = (v, _front(t...)...)
# tail, without an error for ()
safe_tail(t::Tuple) = tail(t)
safe_tail(::Tuple{}) = ()

revargs() = ()
revargs(x, r...) = (revargs(r...)..., x)
reverse(t::Tuple) = revargs(t...)

# type-stable padding: t, then copies of val up to length N
fill_to_length(t::Tuple{Vararg{Any,M}}, val, ::Val{N}) where {M,N} =
    M > N ? throw(ArgumentError("tuple of length $M is longer than $N")) : (t..., ntuple(i -> val, Val(N - M))...)

# the type of a tuple type without its first element
function tuple_type_tail(T::Type)
    if T isa UnionAll
        return UnionAll(T.var, tuple_type_tail(T.body))
    elseif T isa Union
        return Union{tuple_type_tail(T.a), tuple_type_tail(T.b)}
    end
    T.name === Tuple.name || throw(MethodError(tuple_type_tail, (T,)))
    ps = T.parameters
    if length(ps) == 1 && ps[1] isa Core.TypeofVararg
        va = ps[1]
        isdefined(va, :N) && va.N isa Int || return T
        return Tuple{Vararg{va.T,va.N - 1}}
    end
    Tuple{Any[ps[i] for i in 2:length(ps)]...}
end

circshift(t::Union{Tuple{},Tuple{Any}}, ::Integer) = t
circshift(t::Tuple{Any,Any}, shift::Integer) = iseven(shift) ? t : reverse(t)
function circshift(t::Tuple{Vararg{Any,N}}, shift::Integer) where {N}
    j = mod1(shift, N)
    ntuple(k -> t[k - j + (k > j ? 0 : N)], Val(N))
end

# find: the position (a tuple) or name (a named tuple) of the first / last element where f is true
function findfirst(f, t::Tuple)
    for i in 1:length(t)
        f(t[i]) && return i
    end
    nothing
end
function findlast(f, t::Tuple)
    for i in length(t):-1:1
        f(t[i]) && return i
    end
    nothing
end

# conversion to a tuple type: element by element, to the declared types; a length the type cannot have is a
# MethodError
convert(::Type{T}, x::T) where {T<:Tuple} = x
function convert(::Type{T}, x::Tuple{Vararg{Any,n}}) where {T<:Tuple,n}
    _tuple_length_fits(T, n) || throw(MethodError(convert, (T, x)))
    r = n > 32 ? ntuple(i -> convert(fieldtype(T, i), x[i]), n) : _convert_elements(T, x, Val(n))
    # (a tuple type with variables may not hold the result: convert(NTuple, (1, 1.0)) is (1, 1.0))
    T isa DataType ? r::T : r
end
# (by recursion with T and the position as static parameters: inference knows each element's type)
_convert_elements(::Type{T}, x::Tuple, ::Val{0}) where {T} = ()
_convert_elements(::Type{T}, x::Tuple, ::Val{N}) where {T,N} =
    (_convert_elements(T, x, Val(N - 1))..., convert(fieldtype(T, N), x[N]))
function _tuple_length_fits(T, n::Int)
    T isa UnionAll && return _tuple_length_fits(T.body, n)
    T isa Union && return any(U -> _tuple_length_fits(U, n), Base.uniontypes(T))
    T isa DataType || return false
    T === Tuple && return true
    ps = T.parameters
    if !isempty(ps) && ps[end] isa Core.TypeofVararg
        va = ps[end]
        return isdefined(va, :N) && va.N isa Int ? n == length(ps) - 1 + va.N : n >= length(ps) - 1
    end
    n == length(ps)
end
# Tuple{...}(x): x converted (a tuple) or its elements collected (any other iterable)
(::Type{T})(x::Tuple) where {T<:Tuple} = x isa T ? x : convert(T, x)

# the members of a Union (a type that is not one: itself)
uniontypes(T) = T isa Union ? Any[uniontypes(T.a)..., uniontypes(T.b)...] : Any[T]
# Julia's promote_typejoin: the join of a and b without their Nothing and Missing, in a Union with a and b
function promote_typejoin(a, b)
    c = typejoin(_promote_typesubtract(a), _promote_typesubtract(b))
    Union{a, b, c}
end
_promote_typesubtract(a) = a === Any ? a : Union{filter(t -> t !== Nothing && t !== Missing, uniontypes(a))...}
typejoin(a) = a
typejoin(a, b, c, ds...) = typejoin(typejoin(a, b), c, ds...)

# eltype of a tuple type: the promote_typejoin of its element types (Union{} for Tuple{})
eltype(t::Type{<:Tuple}) = _compute_eltype(t)
function _compute_eltype(t)
    vars = Any[]
    u = t
    while u isa UnionAll
        push!(vars, u.var)
        u = u.body
    end
    rewrap(x) = (for k in length(vars):-1:1; x = _rewrap_var(vars[k], x); end; x)
    u isa Union && return promote_typejoin(_compute_eltype(rewrap(u.a)), _compute_eltype(rewrap(u.b)))
    u isa DataType || return Any
    u === Tuple && return Any
    ps = u.parameters
    r = Union{}
    for i in 1:length(ps)
        p = ps[i]
        elt = rewrap(p isa Core.TypeofVararg ? p.T : p)
        elt isa Type || return Union{}
        r = i == 1 ? elt : promote_typejoin(elt, r)
        r === Any && return r
    end
    r
end
# `x where v`, simplified as Julia's UnionAll does: `T where T<:S` is S; a body without v is itself
_rewrap_var(v, x) = x === v ? v.ub : _occurs_in(v, x) ? UnionAll(v, x) : x
_occurs_in(v, x) = x === v
_occurs_in(v, x::DataType) = any(p -> _occurs_in(v, p), x.parameters)
_occurs_in(v, x::Union) = _occurs_in(v, x.a) || _occurs_in(v, x.b)
_occurs_in(v, x::UnionAll) = _occurs_in(v, x.var.ub) || _occurs_in(v, x.body)
_occurs_in(v, x::Core.TypeofVararg) = _occurs_in(v, x.T) || (isdefined(x, :N) && _occurs_in(v, x.N))
_occurs_in(v, x::Tuple) = any(p -> _occurs_in(v, p), x)
keytype(t::Tuple) = Int
keytype(::Type{<:Tuple}) = Int
valtype(t::Tuple) = eltype(typeof(t))
valtype(T::Type{<:Tuple}) = eltype(T)
# Tuple{...}(itr): the first elements of an iterable, converted to the element types (ArgumentError if too few)
function (::Type{T})(itr) where {T<:Tuple}
    n = _tuple_fixed_length(T)
    n === nothing && return convert(T, (collect(itr)...,))::T
    vals = Any[]
    y = n > 0 ? iterate(itr) : nothing
    for i in 1:n
        y === nothing && throw(ArgumentError("too few elements for tuple type $T"))
        push!(vals, y[1])
        i < n && (y = iterate(itr, y[2]))
    end
    convert(T, (vals...,))::T
end
function _tuple_fixed_length(T)
    while T isa UnionAll
        T = T.body
    end
    T isa DataType || return nothing
    T === Tuple && return nothing
    ps = T.parameters
    isempty(ps) && return 0
    ps[length(ps)] isa Core.TypeofVararg && return nothing
    length(ps)
end
function findnext(f, t::Tuple, start::Integer)
    for i in Int(start):length(t)
        f(t[i]) && return i
    end
    nothing
end
function findprev(f, t::Tuple, start::Integer)
    for i in Int(start):-1:1
        f(t[i]) && return i
    end
    nothing
end
# (the lengths from static parameters: tuples of different known lengths are unequal to inference too)
isequal(a::Tuple{Vararg{Any,N}}, b::Tuple{Vararg{Any,M}}) where {N,M} = N == M && _isequal(a, b)
function _isequal(a::Tuple, b::Tuple)
    for i in 1:length(a)
        isequal(a[i], b[i]) || return false
    end
    true
end
# x, as a value inference does not see through (Julia's inferencebarrier)
inferencebarrier(x) = Any[x][1]
# a tuple's properties are its positions
propertynames(t::Tuple{Vararg{Any,N}}) where {N} = ntuple(identity, Val(N))
getproperty(t::Tuple, i::Int) = getfield(t, i)
setproperty!(t::Tuple, i::Int, v) = setfield!(t, i, v)
Tuple(x::Number) = (x,)
Tuple(p::Pair) = (p.first, p.second)
