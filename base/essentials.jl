# Core vocabulary of Base: intrinsics imported, basic type aliases, identity, equality, errors.
import Core.Intrinsics: add_int, sub_int, mul_int, sdiv_int, srem_int, udiv_int, urem_int, neg_int, slt_int, sle_int,
    ult_int, ule_int, eq_int, ne_int, and_int, or_int, xor_int, not_int, shl_int, lshr_int, ashr_int, add_float,
    sub_float, mul_float, div_float, rem_float, neg_float, eq_float, ne_float, lt_float, le_float, sitofp, fptosi,
    trunc_int, sext_int, zext_int, bitcast, checked_sadd_int, checked_ssub_int, checked_smul_int, abs_float,
    sqrt_llvm, floor_llvm, ceil_llvm, trunc_llvm, rint_llvm, fpiseq, copysign_float, ctpop_int, ctlz_int, cttz_int,
    flipsign_int, uitofp, fptoui, fptrunc, fpext, fma_float

function iterate end
getproperty(x, f::Symbol) = getfield(x, f)
propertynames(x) = fieldnames(typeof(x))
setproperty!(x, f::Symbol, v) = setfield!(x, f, convert(fieldtype(typeof(x), f), v))
const Int = Int64
const UInt = UInt64
const Vector = Array{T,1} where T
const Matrix = Array{T,2} where T
const AbstractVector = AbstractArray{T,1} where T
const AbstractMatrix = AbstractArray{T,2} where T
const AbstractVecOrMat = Union{AbstractVector,AbstractMatrix}
const BitSigned = Union{Int8, Int16, Int32, Int64, Int128}
const BitUnsigned = Union{UInt8, UInt16, UInt32, UInt64, UInt128}
const BitInteger = Union{BitSigned, BitUnsigned}
const IEEEFloat = Union{Float32, Float64}

# Val(x): the value x as a type parameter, so that methods can dispatch on it (x^2 reaches literal_pow as Val(2))
struct Val{x} end
Val(x) = Val{x}()

struct UndefInitializer end
const undef = UndefInitializer()

identity(x) = x
!(x::Bool) = not_int(x)
==(x, y) = x === y
!=(x, y) = !(x == y)
!==(x, y) = !(x === y)
isequal(x, y) = x == y
isnothing(x) = x === nothing
# the type of `missing` (its methods: missing.jl); defined here so that literal vectors can widen to Union{T, Missing}
struct Missing end
const missing = Missing()
ismissing(x) = x === missing
# Some(x) wraps a value that may itself be nothing
struct Some{T}
    value::T
end
# the first argument that is not nothing (unwrapping a Some)
something() = throw(ArgumentError("No value arguments present"))
something(x::Nothing, y...) = something(y...)
something(x::Some, y...) = x.value
something(x, y...) = x
typejoin() = Union{}
supertype(T::DataType) = T.super
# `UnionAll(T, body)` makes one, as `where` does (lowering calls Core._UnionAll)
(::Type{UnionAll})(v::TypeVar, t) = Core._UnionAll(v, t)
(::Type{TypeVar})(n::Symbol) = Core._typevar(n, Union{}, Any)
(::Type{TypeVar})(n::Symbol, ub) = Core._typevar(n, Union{}, ub)
(::Type{TypeVar})(n::Symbol, lb, ub) = Core._typevar(n, lb, ub)
length(v::Core.SimpleVector) = Core._svec_len(v)
getindex(v::Core.SimpleVector, i::Int) = Core._svec_ref(v, i)
firstindex(v::Core.SimpleVector) = 1
lastindex(v::Core.SimpleVector) = length(v)
isempty(v::Core.SimpleVector) = length(v) == 0
iterate(v::Core.SimpleVector, i::Int = 1) = i > length(v) ? nothing : (v[i], i + 1)
# whether the type variable v occurs in x
_occurs(v, x) = x === v
function _occurs(v, x::DataType)
    for p in x.parameters
        _occurs(v, p) && return true
    end
    false
end
# the supertype of `Q` where `struct Q{T} <: Real`: the body's, with the variable bound again where it occurs
function supertype(T::UnionAll)
    S = supertype(T.body)
    _occurs(T.var, S) ? UnionAll(T.var, S) : S
end

error(s...) = throw(ErrorException(string(s...)))

# getfield of a name the type does not have (thrown by the runtime once Base defines it)
struct FieldError <: Exception
    type::DataType
    field::Symbol
end
struct KeyError <: Exception
    key
end
struct AssertionError <: Exception
    msg
end
struct DimensionMismatch <: Exception
    msg
end
struct StringIndexError <: Exception
    string
    index::Int
end



function convert(::Type{T}, x::T) where T
    return x
end
convert(::Type{Any}, x) = x
oftype(x, y) = convert(typeof(x), y)

ifelse(c::Bool, a, b) = Core.ifelse(c, a, b)

Expr(head::Symbol, args...) = Core._expr(head, args...)
macro eval(ex)
    Expr(:call, :ccall, QuoteNode(:jl_eval), :Any, Expr(:tuple), __module__, Expr(:quote, ex))
end
eval(m, ex) = ccall(:jl_eval, Any, (Any, Any), m, ex)
# @nospecialize / @specialize are hints to the compiler, which Jolt's specializes as it would anyway: in an argument
# list they give the argument back (`a = 2` as a keyword's default), as a statement nothing
macro nospecialize(vars...)
    length(vars) == 1 || return nothing
    v = vars[1]
    v isa Expr && v.head === :(=) ? esc(Expr(:kw, v.args...)) : esc(v)
end
macro specialize(vars...)
    length(vars) == 1 || return nothing
    v = vars[1]
    v isa Expr && v.head === :(=) ? esc(Expr(:kw, v.args...)) : esc(v)
end
# @eval M ex: evaluates ex in module M
macro eval(mod, ex)
    Expr(:call, :ccall, QuoteNode(:jl_eval), :Any, Expr(:tuple), esc(mod), Expr(:quote, ex))
end
# the status is a C int, as Julia's ccall converts it: out of its range is an InexactError
exit(n::Int) = ccall(:jl_exit, Nothing, (Int,), Int(Int32(n)))
# whether SIGINT ends the program (a script's default) or raises InterruptException (-e code, the REPL)
exit_on_sigint(on::Bool) = (ccall(:jl_exit_on_sigint, Nothing, (Bool,), on); nothing)
exit() = exit(0)
macro assert(ex)
    Expr(:if, esc(ex), nothing, Expr(:call, :throw, Expr(:call, :AssertionError, string(ex))))
end
macro assert(ex, msg)
    Expr(:if, esc(ex), nothing, Expr(:call, :throw, Expr(:call, :AssertionError, esc(msg))))
end
esc(x) = Expr(:escape, x)
macro inbounds(ex)
    esc(ex)
end
# `@inline` / `@noinline` on a definition put `Expr(:meta, :inline)` first in its body (the optimizer reads it)
function _annotate_body(ex, tag::Symbol)
    if ex isa Expr && (ex.head === :function || (ex.head === :(=) && ex.args[1] isa Expr && (ex.args[1].head === :call || ex.args[1].head === :where)))
        body = ex.args[2]
        if body isa Expr && body.head === :block
            pushfirst!(body.args, Expr(:meta, tag))
        else
            ex.args[2] = Expr(:block, Expr(:meta, tag), body)
        end
    end
    ex
end
macro inline(ex)
    esc(_annotate_body(ex, :inline))
end
macro noinline(ex)
    esc(_annotate_body(ex, :noinline))
end
# bounds checks are always made: the checks a @boundscheck block makes run too
macro boundscheck(ex)
    esc(ex)
end
# how an array type prefers to be indexed (only a hint: every array is indexed both ways)
abstract type IndexStyle end
struct IndexLinear <: IndexStyle end
struct IndexCartesian <: IndexStyle end
IndexStyle(::Type) = IndexCartesian()
IndexStyle(A) = IndexStyle(typeof(A))
# bounds checks are not elided across calls, so only the inlining is kept
macro propagate_inbounds(ex)
    esc(_annotate_body(ex, :inline))
end
# `@kwdef struct S; a::Int = 1; b; end`: the struct without the defaults, and `S(; a = 1, b) = S(a, b)`
macro kwdef(expr)
    (expr isa Expr && expr.head === :struct) || error("Invalid usage of @kwdef")
    fields = Any[]
    params = Any[]
    body = Any[]
    isfield(x) = x isa Symbol || (x isa Expr && x.head === :(::) && length(x.args) == 2)
    fieldname(x) = x isa Symbol ? x : x.args[1]
    for a in expr.args[3].args
        if a isa Expr && a.head === :(=) && isfield(a.args[1])
            push!(body, a.args[1])
            push!(fields, fieldname(a.args[1]))
            push!(params, Expr(:kw, fieldname(a.args[1]), a.args[2]))
        elseif isfield(a)
            push!(body, a)
            push!(fields, fieldname(a))
            push!(params, fieldname(a))
        else
            push!(body, a)   # line numbers, docstrings, inner constructors
        end
    end
    head = expr.args[2]
    T = head isa Expr && head.head === :(<:) ? head.args[1] : head
    name = T isa Expr && T.head === :curly ? T.args[1] : T
    def = Expr(:struct, expr.args[1], head, Expr(:block, body...))
    isempty(params) && return esc(def)
    ctor = Expr(:function, Expr(:call, name, Expr(:parameters, params...)), Expr(:block, Expr(:call, name, fields...)))
    esc(Expr(:block, def, ctor, nothing))
end
macro doc(str, ex)
    esc(ex)
end
QuoteNode(x) = Core._quotenode(x)
# expressions are equal when their heads and arguments are
==(x::Expr, y::Expr) = x.head === y.head && isequal(x.args, y.args)
==(x::QuoteNode, y::QuoteNode) = isequal(x.value, y.value)
==(x::LineNumberNode, y::LineNumberNode) = x.line == y.line && x.file === y.file
hash(x::Expr, h::UInt) = hash(x.head, h + 0x83c7900696d26dc6)
# constructors of Core's exception types
ErrorException(msg) = Core._new(ErrorException, msg)
BoundsError(a, i) = Core._new(BoundsError, a, i)
BoundsError(a) = Core._new(BoundsError, a, ())
DomainError(val, msg) = Core._new(DomainError, val, msg)
DomainError(val) = Core._new(DomainError, val, "")
OverflowError(msg) = Core._new(OverflowError, msg)
InexactError(f, T, val) = Core._new(InexactError, f, T, val)
UndefVarError(var, scope) = Core._new(UndefVarError, var, scope)
UndefVarError(var) = Core._new(UndefVarError, var, nothing)
TypeError(f, ctx, expected, got) = Core._new(TypeError, f, ctx, expected, got)
MethodError(f, args) = Core._new(MethodError, f, args, 0)
ArgumentError(msg) = Core._new(ArgumentError, msg)
UndefKeywordError(var) = Core._new(UndefKeywordError, var)
DivideError() = Core._new(DivideError)
UndefRefError() = Core._new(UndefRefError)
OutOfMemoryError() = Core._new(OutOfMemoryError)
InterruptException() = Core._new(InterruptException)
