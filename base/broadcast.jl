# Dot syntax: f.(xs), xs .+ ys. Scalars broadcast against arrays; shapes of array arguments must agree.
struct Broadcasted{F,A}
    f::F
    args::A
end
broadcasted(f, args...) = Broadcasted(f, args)
broadcast(f, args...) = materialize(broadcasted(f, args...))
broadcast!(f, dest, args...) = materialize!(dest, broadcasted(f, args...))
_bclength(x) = 0
_bclength(x::AbstractArray) = length(x)
_bclength(x::Vector) = length(x)
_bclength(x::AbstractRange) = length(x)
_bclength(x::Tuple) = length(x)
_bclength(bc::Broadcasted) = _bcsize(bc.args)
function _bcsize(args)
    n = 0
    for a in args
        m = _bclength(a)
        if m > 0
            n > 0 && m != n && m != 1 && throw(DimensionMismatch("arrays could not be broadcast to a common size; got a dimension with lengths $n and $m"))
            n = max(n, m)
        end
    end
    n
end
_bcget(x, i) = x
_bcget(x::Vector, i) = length(x) == 1 ? x[1] : x[i]
_bcget(x::AbstractRange, i) = x[i]
_bcget(x::Tuple, i) = x[i]
_bcget(bc::Broadcasted, i) = bc.f(map_tuple(a -> _bcget(a, i), bc.args)...)
# (one, two or three arguments without the splat: each call is then typed, and compiled code makes no tuple)
_bcget(bc::Broadcasted{F,Tuple{A}}, i) where {F,A} = bc.f(_bcget(bc.args[1], i))
_bcget(bc::Broadcasted{F,Tuple{A,B}}, i) where {F,A,B} = bc.f(_bcget(bc.args[1], i), _bcget(bc.args[2], i))
_bcget(bc::Broadcasted{F,Tuple{A,B,C}}, i) where {F,A,B,C} =
    bc.f(_bcget(bc.args[1], i), _bcget(bc.args[2], i), _bcget(bc.args[3], i))

# f over a tuple's elements: by recursion, so that inference types each element (a broadcast infers); a long tuple
# (N is a static parameter, so the test folds away) in one call to the runtime
map_tuple(f, t::Tuple{}) = ()
function map_tuple(f, t::NTuple{N,Any}) where N
    N > 16 && return ccall(:jl_tuple_map, Any, (Any, Any), f, t)
    (f(t[1]), map_tuple(f, tail(t))...)
end
function materialize(bc::Broadcasted)
    _bc_nd(bc.args) && return _materialize_nd(bc)
    _bc_tuples(bc.args) && return (collect(Generator(i -> _bcget(bc, i), 1:_bcsize(bc.args)))...,)
    n = _bcsize(bc.args)
    # (the argument test first: it folds to a constant, and a constant first operand of && folds the branch)
    if _bc_scalars(bc.args) && n == 0
        return _bcget(bc, 1)
    end
    collect(Generator(i -> _bcget(bc, i), 1:n))
end
materialize(x) = x
# whether no argument is a container (by dispatch on the argument types, so inference folds it)
_bc_scalars(args::Tuple{}) = true
_bc_scalars(args::Tuple) = _bc_scalar(args[1]) && _bc_scalars(tail(args))
_bc_scalar(::Union{AbstractArray,AbstractRange,Tuple,Broadcasted}) = false
_bc_scalar(x) = true
# whether an argument has two or more dimensions (then the result is an array of the combined shape)
_bc_nd(args::Tuple{}) = false
_bc_nd(args::Tuple) = _bc_nd1(args[1]) || _bc_nd(tail(args))
_bc_nd1(x::Array{T,N}) where {T,N} = N >= 2
_bc_nd1(bc::Broadcasted) = _bc_nd(bc.args)
_bc_nd1(x) = false
# whether the containers are all tuples (then the result is a tuple)
_bc_tuples(args::Tuple) = _bc_hastuple(args) && !_bc_hasarray(args)
_bc_hastuple(args::Tuple{}) = false
_bc_hastuple(args::Tuple) = _bc_hastuple1(args[1]) || _bc_hastuple(tail(args))
_bc_hastuple1(x::Tuple) = true
_bc_hastuple1(bc::Broadcasted) = _bc_hastuple(bc.args)
_bc_hastuple1(x) = false
_bc_hasarray(args::Tuple{}) = false
_bc_hasarray(args::Tuple) = _bc_hasarray1(args[1]) || _bc_hasarray(tail(args))
_bc_hasarray1(x::Union{AbstractArray,AbstractRange}) = true
_bc_hasarray1(bc::Broadcasted) = _bc_hasarray(bc.args)
_bc_hasarray1(x) = false

# broadcasting over arrays of any number of dimensions: each dimension of the result is the arguments' common
# length along it, an argument of length 1 (or without that dimension) repeated
_bcshape(x) = ()
_bcshape(x::Union{AbstractRange,Tuple}) = (length(x),)
_bcshape(x::Array) = size(x)
_bcshape(bc::Broadcasted) = _bcshape_args(bc.args)
_bcshape_args(args::Tuple{}) = ()
_bcshape_args(args::Tuple) = _bcshape_join(_bcshape(args[1]), _bcshape_args(tail(args)))
# (by recursion over the tuples, so that inference knows each shape's length)
_bcshape_join(a::Tuple{}, b::Tuple{}) = ()
_bcshape_join(a::Tuple, b::Tuple{}) = a
_bcshape_join(a::Tuple{}, b::Tuple) = b
_bcshape_join(a::Tuple, b::Tuple) = (_bcdim(a[1], b[1]), _bcshape_join(tail(a), tail(b))...)
function _bcdim(x::Int, y::Int)
    x == y || x == 1 || y == 1 ||
        throw(DimensionMismatch("arrays could not be broadcast to a common size; got a dimension with lengths $x and $y"))
    x == 1 ? y : x
end
# the Cartesian index of the i-th element (column-major) of an array of this shape
_bc_cartesian(shape::Tuple, i::Int) = _bc_cartesian0(shape, i - 1)
_bc_cartesian0(shape::Tuple{}, r::Int) = ()
_bc_cartesian0(shape::Tuple, r::Int) = (r % shape[1] + 1, _bc_cartesian0(tail(shape), div(r, shape[1]))...)
# an argument's index for the result's index I: 1 along its dimensions of length 1
_bc_index(sz::Tuple{}, I::Tuple) = ()
_bc_index(sz::Tuple, I::Tuple) = (sz[1] == 1 ? 1 : I[1], _bc_index(tail(sz), tail(I))...)
_bcget_nd(x, I::Tuple) = x
_bcget_nd(x::Union{AbstractRange,Tuple}, I::Tuple) = length(x) == 1 ? x[1] : x[I[1]]
_bcget_nd(x::Array, I::Tuple) = x[_bc_index(size(x), I)...]
_bcget_nd(bc::Broadcasted, I::Tuple) = bc.f(map_tuple(a -> _bcget_nd(a, I), bc.args)...)
_bcget_nd(bc::Broadcasted{F,Tuple{A}}, I::Tuple) where {F,A} = bc.f(_bcget_nd(bc.args[1], I))
_bcget_nd(bc::Broadcasted{F,Tuple{A,B}}, I::Tuple) where {F,A,B} = bc.f(_bcget_nd(bc.args[1], I), _bcget_nd(bc.args[2], I))
_bcget_nd(bc::Broadcasted{F,Tuple{A,B,C}}, I::Tuple) where {F,A,B,C} =
    bc.f(_bcget_nd(bc.args[1], I), _bcget_nd(bc.args[2], I), _bcget_nd(bc.args[3], I))
function _materialize_nd(bc::Broadcasted)
    shape = _bcshape(bc)
    n = 1
    for s in shape
        n *= s
    end
    vals = collect(Generator(i -> _bcget_nd(bc, _bc_cartesian(shape, i)), 1:n))
    reshape(vals, shape...)
end
function materialize!(dest::Array, bc::Broadcasted)
    shape = size(dest)
    for i in 1:length(dest)
        dest[i] = _bcget_nd(bc, _bc_cartesian(shape, i))
    end
    dest
end
materialize!(dest::Array, x) = materialize!(dest, Broadcasted(identity, (x,)))
function materialize!(dest::Vector, bc::Broadcasted)
    n = length(dest)
    for i in 1:n
        dest[i] = _bcget(bc, i)
    end
    dest
end
materialize!(dest::Vector, x) = materialize!(dest, Broadcasted(identity, (x,)))
mutable struct RefValue{T}
    x::T
end
Ref(x) = RefValue{typeof(x)}(x)
getindex(r::RefValue) = r.x
setindex!(r::RefValue, v) = (r.x = v; r)
_bcget(r::RefValue, i) = r.x
_bcget_nd(r::RefValue, I::Tuple) = r.x
# whole-vector arithmetic is elementwise: scaling by a number, adding or subtracting vectors of one length
(*)(x::Number, a::Vector) = x .* a
(*)(a::Vector, x::Number) = a .* x
(/)(a::Vector, x::Number) = a ./ x
(-)(a::Vector) = .-a
function (+)(a::Vector, b::Vector)
    length(a) == length(b) || throw(DimensionMismatch("dimensions must match: a has dims ($(length(a)),), b has dims ($(length(b)),), mismatch at 1"))
    a .+ b
end
function (-)(a::Vector, b::Vector)
    length(a) == length(b) || throw(DimensionMismatch("dimensions must match: a has dims ($(length(a)),), b has dims ($(length(b)),), mismatch at 1"))
    a .- b
end
# @. expr: every call, operator and assignment in expr becomes its dotted (broadcasting) form; `$f(x)` is left alone
macro __dot__(ex)
    esc(_dotted(ex))
end
_dotted(x) = x
const _DOTTABLE_OPS = ("+", "-", "*", "/", "^", "\\", "÷", "%", "==", "!=", "<", "<=", ">", ">=", "≤", "≥", "≠",
                       "&", "|", "⊻", "//", ">>", "<<", ">>>")
function _dotted(ex::Expr)
    if ex.head === :$
        return ex.args[1]
    elseif ex.head === :call && ex.args[1] isa Symbol
        f = ex.args[1]::Symbol
        args = Any[_dotted(a) for a in ex.args[2:end]]
        s = string(f)
        if s in _DOTTABLE_OPS
            return Expr(:call, Symbol("." * s), args...)
        end
        return Expr(:., f, Expr(:tuple, args...))
    elseif ex.head === :(=) && length(ex.args) == 2
        return Expr(:.=, _dotted(ex.args[1]), _dotted(ex.args[2]))
    elseif ex.head in (:+=, :-=, :*=, :/=)
        op = Symbol("." * string(ex.head))
        return Expr(op, _dotted(ex.args[1]), _dotted(ex.args[2]))
    end
    Expr(ex.head, Any[_dotted(a) for a in ex.args]...)
end
