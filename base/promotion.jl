# promotion.jl: the type two numbers meet in (promote_type over promote_rule), promote, and the fallbacks that
# let arithmetic and comparison of mixed numeric types (a program's own types too) go through it.

# promote_rule(S, T) names the type where values of S and T meet; Union{} means "no rule". Rules are asked both
# ways, so one definition serves both argument orders.
# (a union with Missing: missing.jl)
promote_rule(::Type{T}, ::Type{S}) where {T,S} = T isa Union && Missing <: T && T !== Any ? _promote_missing(T, S) : Union{}
promote_type() = Union{}
promote_type(T) = T
promote_type(T, S, U, rest...) = promote_type(promote_type(T, S), U, rest...)
function promote_type(::Type{T}, ::Type{S}) where {T,S}
    T === S && return T
    T === Union{} && return S
    S === Union{} && return T
    _promote_result(T, S, promote_rule(T, S), promote_rule(S, T))
end
# without a rule either way the types meet in their join (and promote then fails to change anything)
_promote_result(T, S, A, B) = A === Union{} && B === Union{} ? typejoin(T, S) : promote_type(A, B)

# the promoted type of two integer types: more bits wins; at equal width the unsigned type wins (Julia's rule)
_promote_int(::Type{S}, ::Type{T}) where {S,T} = sizeof(S) > sizeof(T) ? S : sizeof(T) > sizeof(S) ? T : (S <: Unsigned ? S : T)
promote_rule(::Type{S}, ::Type{T}) where {S<:BitInteger,T<:BitInteger} = _promote_int(S, T)
promote_rule(::Type{Bool}, ::Type{T}) where {T<:Number} = T
promote_rule(::Type{Float64}, ::Type{T}) where {T<:Integer} = Float64
promote_rule(::Type{Float32}, ::Type{T}) where {T<:Integer} = Float32
promote_rule(::Type{Float64}, ::Type{Float32}) = Float64

promote() = ()
promote(x) = (x,)
function promote(x, y)
    T = promote_type(typeof(x), typeof(y))
    px, py = convert(T, x), convert(T, y)
    # no rule moved either value: calling the operation again would only come back here
    typeof(px) === typeof(x) && typeof(py) === typeof(y) && _promotion_failed(x, y)
    (px, py)
end
function promote(x, y, z)
    T = promote_type(typeof(x), typeof(y), typeof(z))
    (convert(T, x), convert(T, y), convert(T, z))
end
_promotion_failed(x, y) = error("promotion of types ", typeof(x), " and ", typeof(y), " failed to change any arguments")

convert(::Type{T}, x::T) where {T<:Number} = x
convert(::Type{T}, x::Number) where {T<:Number} = T(x)
zero(::Type{T}) where {T<:Number} = convert(T, 0)
one(::Type{T}) where {T<:Number} = convert(T, 1)

# mixed arithmetic and comparison promote first. Two values of one type that reach these have no method of their
# own for the operation (a test here rather than methods on (x::T, y::T), which would tie with methods such as
# +(::Complex, ::Complex) in specificity)
_no_op_err(name, T) = error(name, " not defined for ", T)
# (written out: tuples cannot be iterated yet)
(+)(x::Number, y::Number) = typeof(x) === typeof(y) ? _no_op_err("+", typeof(x)) : (+)(promote(x, y)...)
(-)(x::Number, y::Number) = typeof(x) === typeof(y) ? _no_op_err("-", typeof(x)) : (-)(promote(x, y)...)
(*)(x::Number, y::Number) = typeof(x) === typeof(y) ? _no_op_err("*", typeof(x)) : (*)(promote(x, y)...)
(/)(x::Number, y::Number) = typeof(x) === typeof(y) ? _no_op_err("/", typeof(x)) : (/)(promote(x, y)...)
(^)(x::Number, y::Number) = typeof(x) === typeof(y) ? _no_op_err("^", typeof(x)) : (^)(promote(x, y)...)
(<)(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("<", typeof(x)) : (<)(promote(x, y)...)
(<=)(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("<=", typeof(x)) : (<=)(promote(x, y)...)
div(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("div", typeof(x)) : div(promote(x, y)...)
rem(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("rem", typeof(x)) : rem(promote(x, y)...)
mod(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("mod", typeof(x)) : mod(promote(x, y)...)
fld(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("fld", typeof(x)) : fld(promote(x, y)...)
cld(x::Real, y::Real) = typeof(x) === typeof(y) ? _no_op_err("cld", typeof(x)) : cld(promote(x, y)...)
(&)(x::Integer, y::Integer) = typeof(x) === typeof(y) ? _no_op_err("&", typeof(x)) : (&)(promote(x, y)...)
(|)(x::Integer, y::Integer) = typeof(x) === typeof(y) ? _no_op_err("|", typeof(x)) : (|)(promote(x, y)...)
xor(x::Integer, y::Integer) = typeof(x) === typeof(y) ? _no_op_err("xor", typeof(x)) : xor(promote(x, y)...)
(%)(x::Real, y::Real) = rem(x, y)
(==)(x::Number, y::Number) = typeof(x) === typeof(y) ? x === y : ==(promote(x, y)...)
