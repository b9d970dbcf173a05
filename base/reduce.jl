# Reductions and higher-order functions over iterables.
function foldl(op, itr; init=_NoInit())
    y = iterate(itr)
    if y === nothing
        init isa _NoInit && return reduce_empty(op, eltype(itr))
        return init
    end
    acc = init isa _NoInit ? y[1] : op(init, y[1])
    y = iterate(itr, y[2])
    while y !== nothing
        acc = op(acc, y[1])
        y = iterate(itr, y[2])
    end
    acc
end
struct _NoInit end
# the value of a reduction over nothing: the operator's identity for the element type, where it has one
_empty_reduce_error() = throw(ArgumentError("reducing over an empty collection is not allowed; consider supplying `init` to the reducer"))
reduce_empty(op, T) = _empty_reduce_error()
reduce_empty(::typeof(+), ::Type{T}) where {T} = T <: Number && T !== Union{} ? zero(T) : _empty_reduce_error()
reduce_empty(::typeof(+), ::Type{Bool}) = zero(Int)
reduce_empty(::typeof(*), ::Type{T}) where {T} = T <: Number && T !== Union{} ? one(T) : _empty_reduce_error()
reduce_empty(::typeof(&), ::Type{Bool}) = true
reduce_empty(::typeof(|), ::Type{Bool}) = false
# mapreduce over nothing: f of that identity, for the functions that keep it one (and 0 for max of abs values)
mapreduce_empty(f, op, T) = _empty_reduce_error()
mapreduce_empty(::typeof(identity), op, T) = reduce_empty(op, T)
mapreduce_empty(::typeof(abs), op, T) = abs(reduce_empty(op, T))
mapreduce_empty(::typeof(abs2), op, T) = abs2(reduce_empty(op, T))
mapreduce_empty(::typeof(abs), ::typeof(max), T) = abs(zero(T))
mapreduce_empty(::typeof(abs2), ::typeof(max), T) = abs2(zero(T))
reduce(op, itr; init=_NoInit()) = foldl(op, itr; init=init)
# an empty collection of a concrete number type sums to its zero (multiplies to its one), as in Julia
function _sum_or_prod(op, unit, itr)
    if iterate(itr) === nothing
        T = eltype(itr)
        T === Bool && return unit(Int)  # Bools add up as Ints
        T <: Number && isconcretetype(T) && return unit(T)
    end
    foldl(op, itr)
end
sum(itr) = _sum_or_prod(+, zero, itr)
sum(f, itr) = foldl(+, Generator(f, itr))
prod(itr) = _sum_or_prod(*, one, itr)
prod(f, itr) = foldl(*, Generator(f, itr))
maximum(itr) = foldl(max, itr)
minimum(itr) = foldl(min, itr)
maximum(f, itr) = foldl(max, Generator(f, itr))
minimum(f, itr) = foldl(min, Generator(f, itr))
map(f, itr) = collect(Generator(f, itr))
# over a tuple, a tuple (a NamedTuple keeps its names); filter too
map(f, t::Tuple) = map_tuple(f, t)
map(f, t::NamedTuple{names}) where {names} = _namedtuple(names, map_tuple(f, values(t)))
filter(f, t::Tuple) = (collect(Generator(identity, _Filter(f, t)))...,)
map(f, a::Tuple, b::Tuple) = (collect(Generator(i -> f(a[i], b[i]), 1:min(length(a), length(b))))...,)
function map(f, a, b)
    collect(Generator(t -> f(t[1], t[2]), zip(a, b)))
end
# f of each element (of each pair of elements) stored into dest, as far as the shorter reaches; dest is returned
function map!(f, dest::AbstractArray, a)
    for (i, x) in zip(eachindex(dest), a)
        dest[i] = f(x)
    end
    dest
end
function map!(f, dest::AbstractArray, a, b)
    for (i, xy) in zip(eachindex(dest), zip(a, b))
        dest[i] = f(xy[1], xy[2])
    end
    dest
end
function foreach(f, itr)
    for x in itr
        f(x)
    end
    nothing
end
foreach(f, a, b) = (for (x, y) in zip(a, b); f(x, y); end; nothing)
function filter(f, a::Vector{T}) where T
    b = Vector{T}(undef, 0)
    for x in a
        f(x) && push!(b, x)
    end
    b
end
# (three-valued: a missing f(x) makes the result missing unless another decides it)
function any(f, itr)
    anymissing = false
    for x in itr
        v = f(x)
        if v === missing
            anymissing = true
        elseif v
            return true
        end
    end
    anymissing ? missing : false
end
function all(f, itr)
    anymissing = false
    for x in itr
        v = f(x)
        if v === missing
            anymissing = true
        elseif !v
            return false
        end
    end
    anymissing ? missing : true
end
any(itr) = any(identity, itr)
all(itr) = all(identity, itr)
function count(f, itr)
    n = 0
    for x in itr
        f(x) && (n += 1)
    end
    n
end
function findfirst(f, a::Vector)
    for i in 1:length(a)
        f(a[i]) && return i
    end
    nothing
end
# the first index of a largest (smallest) element, with that element
function _findbest(better, a::Vector)
    k = 1
    for i in 2:length(a)
        better(a[i], a[k]) && (k = i)
    end
    (a[k], k)
end
findmax(a::Vector) = _findbest((x, y) -> isless(y, x), a)
findmin(a::Vector) = _findbest(isless, a)
argmax(a::Vector) = findmax(a)[2]
argmin(a::Vector) = findmin(a)[2]
extrema(a) = (minimum(a), maximum(a))
extrema(f, a) = (minimum(f, a), maximum(f, a))
pairs(a::Vector) = [i => a[i] for i in 1:length(a)]  # (Julia returns an Iterators.Pairs)
function foldr(op, a::Vector; init=_NoInit())
    isempty(a) && init isa _NoInit && return reduce_empty(op, eltype(a))
    foldl((acc, x) -> op(x, acc), reverse(a); init=init)
end
mapfoldl(f, op, itr; init=_NoInit()) = mapreduce(f, op, itr; init=init)
function mapfoldr(f, op, itr; init=_NoInit())
    init isa _NoInit && iterate(itr) === nothing && return mapreduce_empty(f, op, eltype(itr))
    foldr(op, collect(Generator(f, itr)); init=init)
end
function mapreduce(f, op, itr; init=_NoInit())
    init isa _NoInit && iterate(itr) === nothing && return mapreduce_empty(f, op, eltype(itr))
    foldl(op, Generator(f, itr); init=init)
end
function filter!(f, a::Vector)
    j = 0
    for i in 1:length(a)
        if f(a[i])
            j += 1
            a[j] = a[i]
        end
    end
    ccall(:jl_array_del_end, Nothing, (Any, Int), a, length(a) - j)
    a
end
findfirst(a::Vector{Bool}) = findfirst(identity, a)
function findall(f, a)
    out = Int[]
    i = 1
    for x in a
        f(x) && push!(out, i)
        i += 1
    end
    out
end
findall(a::Vector{Bool}) = findall(identity, a)
function findlast(f, a::Vector)
    for i in length(a):-1:1
        f(a[i]) && return i
    end
    nothing
end
function findnext(f, a::Vector, start::Int)
    for i in start:length(a)
        f(a[i]) && return i
    end
    nothing
end
# Fix1(f, x) is y -> f(x, y) and Fix2(f, x) is y -> f(y, x), as callable structs (Julia's partial application:
# ==(x), <(x), isequal(x), ... are Fix2s)
struct Fix1{F,T} <: Function
    f::F
    x::T
end
struct Fix2{F,T} <: Function
    f::F
    x::T
end
(f::Fix1)(y) = f.f(f.x, y)
(f::Fix2)(y) = f.f(y, f.x)
==(x) = Fix2(==, x)
isequal(x) = Fix2(isequal, x)
!=(x) = Fix2(!=, x)
<(x) = Fix2(<, x)
<=(x) = Fix2(<=, x)
>(x) = Fix2(>, x)
>=(x) = Fix2(>=, x)
in(xs) = y -> y in xs
!(f::Function) = (xs...) -> !f(xs...)
struct _Flatten{I}
    it::I
end
_flatten(it) = _Flatten(it)
eltype(::Type{_Flatten{I}}) where {I} = eltype(eltype(I))
# an empty nested comprehension: its element type is what inference gives the first element (Julia's
# @default_eltype), since a generator does not declare its eltype
function _first_value(itr)
    y = iterate(itr)
    y === nothing && throw(ArgumentError("collection must be non-empty"))
    y[1]
end
_empty_collect(f::_Flatten{<:Generator}) = Vector{ccall(:jl_return_type, Any, (Any, Any), _first_value, (typeof(f),))}(undef, 0)
# the state is (inner iterator, outer state, inner state): one type from the first element on, so that a nested
# comprehension infers
function iterate(f::_Flatten)
    o = iterate(f.it)
    o === nothing && return nothing
    _flatten_next(f, o[1], o[2], iterate(o[1]))
end
function iterate(f::_Flatten, state)
    inner, ostate, istate = state
    _flatten_next(f, inner, ostate, iterate(inner, istate))
end
function _flatten_next(f::_Flatten, inner, ostate, y)
    while y === nothing
        o = iterate(f.it, ostate)
        o === nothing && return nothing
        inner, ostate = o
        y = iterate(inner)
    end
    (y[1], (inner, ostate, y[2]))
end
struct _Product{A,B}
    a::A
    b::B
end
_product(a, b) = _Product(a, b)
function iterate(p::_Product, state=nothing)
    # the first iterator varies fastest, as Julia's Iterators.product does
    if state === nothing
        yb = iterate(p.b)
        yb === nothing && return nothing
        ya = iterate(p.a)
        ya === nothing && return nothing
        return ((ya[1], yb[1]), (ya[2], yb))
    end
    sa, yb = state
    ya = iterate(p.a, sa)
    if ya === nothing
        yb = iterate(p.b, yb[2])
        yb === nothing && return nothing
        ya = iterate(p.a)
    end
    ((ya[1], yb[1]), (ya[2], yb))
end
const NTuple = Tuple{Vararg{T,N}} where {N,T}

module Meta
    # the parser's message: the located source line and what is wrong there
    struct ParseError <: Exception
        msg::String
    end
    Base.showerror(io::Base.IO, e::ParseError) = Base.print(io, "ParseError:\n", e.msg)
    function parse(s::String)
        ok, r = ccall(:jl_parse, Any, (String,), s)
        ok ? r : throw(ParseError(r))
    end
    isexpr(ex, head) = ex isa Expr && ex.head === head
    quot(ex) = Expr(:quote, ex)
    # x lowered in module m: Expr(:thunk, code), or Expr(:error, message) for a syntax error
    lower(m::Base.Module, x) = ccall(:jl_lower, Any, (Any, Any), m, x)
end
# running reductions: accumulate(+, [1, 2, 3]) == [1, 3, 6]
# (as collect: the vector has the first value's type and widens in a fresh call, so that it infers; an empty one
# has the type inference gives op's result)
function accumulate(op, itr; init=_NoInit())
    y = iterate(itr)
    if y === nothing
        A = eltype(itr)
        R = ccall(:jl_return_type, Any, (Any, Any), op, init isa _NoInit ? (A, A) : (typeof(init), A))
        return Vector{init isa _NoInit ? promote_type(A, R) : R}(undef, 0)
    end
    acc = init isa _NoInit ? y[1] : op(init, y[1])
    out = Vector{typeof(acc)}(undef, 0)
    push!(out, acc)
    _accumulate_rest!(out, op, acc, itr, y[2])
end
function _accumulate_rest!(out::Vector{T}, op, acc, itr, st) where T
    while true
        y = iterate(itr, st)
        y === nothing && return out
        st = y[2]
        next = op(acc, y[1])
        if next isa T
            push!(out, next)
            acc = next
        else
            wider = Vector{_promote_typejoin(T, typeof(next))}(undef, 0)
            append!(wider, out)
            push!(wider, next)
            return _accumulate_rest!(wider, op, next, itr, st)
        end
    end
end
cumsum(itr) = accumulate(+, itr)
cumprod(itr) = accumulate(*, itr)
# sums and products of small integers are computed in Int, as Julia's reductions widen them
sum(a::AbstractVector{T}) where {T<:Union{Int8,Int16,Int32}} = foldl((s, x) -> s + Int(x), a; init=0)
prod(a::AbstractVector{T}) where {T<:Union{Int8,Int16,Int32}} = foldl((s, x) -> s * Int(x), a; init=1)
sum(a::AbstractVector{T}) where {T<:Union{UInt8,UInt16,UInt32}} = foldl((s, x) -> s + UInt(x), a; init=UInt(0))
prod(a::AbstractVector{T}) where {T<:Union{UInt8,UInt16,UInt32}} = foldl((s, x) -> s * UInt(x), a; init=UInt(1))
# vectors compare lexicographically, as tuples do
isless(a::AbstractVector, b::AbstractVector) = _lexless(a, b)

# ntuple(f, n): the tuple (f(1), ..., f(n))
function ntuple(f, n::Integer)
    n < 0 && throw(ArgumentError(string("tuple length should be ≥ 0, got ", n)))
    (collect(Generator(f, 1:n))...,)
end
# with the length in the type: by recursion on it, so that inference knows the tuple's length and element types
function ntuple(f, ::Val{N}) where {N}
    N::Int >= 0 || throw(ArgumentError(string("tuple length should be ≥ 0, got ", N)))
    N > 32 ? ntuple(f, N) : _ntuple_val(f, Val(N))
end
_ntuple_val(f, ::Val{0}) = ()
_ntuple_val(f, ::Val{N}) where {N} = (_ntuple_val(f, Val(N - 1))..., f(N))
# an empty collection of the same kind
empty(a::Vector{T}) where {T} = Vector{T}(undef, 0)
empty(a::Vector, ::Type{U}) where {U} = Vector{U}(undef, 0)
empty(::Tuple) = ()
