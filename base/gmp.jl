# gmp.jl: BigInt, integers of any size. A value is the runtime's JBigInt, a JS bigint of its own type (Core's
# BigInt <: Signed); each operation is a foreign call (src/runtime/bigints.ts), after the checks Julia makes.
_bigop(op::Symbol, x::BigInt, y::BigInt) = ccall(:jl_bigint_op, BigInt, (Any, Any, Any), op, x, y)
_bigcmp(x::BigInt, y::BigInt) = ccall(:jl_bigint_cmp, Int, (Any, Any), x, y)

BigInt(x::BigInt) = x
BigInt(x::Union{BitInteger,Bool}) = ccall(:jl_bigint_from, BigInt, (Any,), x)
BigInt(x::Float64) = isinteger(x) ? ccall(:jl_bigint_from, BigInt, (Any,), x) : throw(InexactError(:BigInt, BigInt, x))
BigInt(x::Float32) = BigInt(Float64(x))
big(x::Integer) = convert(BigInt, x)
big(::Type{<:Integer}) = BigInt
promote_rule(::Type{BigInt}, ::Type{<:Integer}) = BigInt
widen(::Type{Int128}) = BigInt
widen(::Type{UInt128}) = BigInt
widen(::Type{BigInt}) = BigInt

# x % T: the low bits as a fixed-width integer; T(x): the value, or InexactError when it does not fit
rem(x::BigInt, ::Type{T}) where {T<:BitInteger} = ccall(:jl_bigint_trunc, Any, (Any, Any), x, T)::T
(%)(x::BigInt, ::Type{T}) where {T<:BitInteger} = rem(x, T)
function (::Type{T})(x::BigInt) where {T<:BitInteger}
    y = x % T
    _bigcmp(BigInt(y), x) == 0 || throw(InexactError(nameof(T), T, x))
    y
end
Float64(x::BigInt) = ccall(:jl_bigint_float, Float64, (Any,), x)
Float32(x::BigInt) = Float32(Float64(x))

(+)(x::BigInt, y::BigInt) = _bigop(:add, x, y)
(-)(x::BigInt, y::BigInt) = _bigop(:sub, x, y)
(*)(x::BigInt, y::BigInt) = _bigop(:mul, x, y)
(-)(x::BigInt) = ccall(:jl_bigint_neg, BigInt, (Any,), x)
(~)(x::BigInt) = -x - one(BigInt)
# (pairs indexed: destructuring is defined later, in tuple.jl)
for p in ((:div, :tdiv), (:rem, :trem), (:fld, :fdiv), (:cld, :cdiv), (:mod, :fmod))
    @eval $(p[1])(x::BigInt, y::BigInt) = (iszero(y) && throw(DivideError()); _bigop($(QuoteNode(p[2])), x, y))
end
for p in ((:gcd, :gcd), (:lcm, :lcm), (:&, :and), (:|, :or), (:xor, :xor))
    @eval $(p[1])(x::BigInt, y::BigInt) = _bigop($(QuoteNode(p[2])), x, y)
end
(<<)(x::BigInt, n::Int) = _bigop(n >= 0 ? :shl : :shr, x, BigInt(abs(n)))
(>>)(x::BigInt, n::Int) = _bigop(n >= 0 ? :shr : :shl, x, BigInt(abs(n)))
checked_add(x::BigInt, y::BigInt) = x + y
checked_sub(x::BigInt, y::BigInt) = x - y
checked_mul(x::BigInt, y::BigInt) = x * y

cmp(x::BigInt, y::BigInt) = _bigcmp(x, y)
(==)(x::BigInt, y::BigInt) = _bigcmp(x, y) == 0
(<)(x::BigInt, y::BigInt) = _bigcmp(x, y) < 0
(<=)(x::BigInt, y::BigInt) = _bigcmp(x, y) <= 0
# against a float, exactly (there is no BigFloat to promote to): the integer part decides, then the fraction
function _bigcmp(x::BigInt, y::Float64)
    isinf(y) && return y > 0 ? -1 : 1
    f = floor(y)
    c = _bigcmp(x, BigInt(f))
    c == 0 && f != y ? -1 : c
end
(==)(x::BigInt, y::Float64) = !isnan(y) && _bigcmp(x, y) == 0
(==)(x::Float64, y::BigInt) = y == x
(<)(x::BigInt, y::Float64) = !isnan(y) && _bigcmp(x, y) < 0
(<)(x::Float64, y::BigInt) = !isnan(x) && _bigcmp(y, x) > 0
(<=)(x::BigInt, y::Float64) = !isnan(y) && _bigcmp(x, y) <= 0
(<=)(x::Float64, y::BigInt) = !isnan(x) && _bigcmp(y, x) >= 0
iszero(x::BigInt) = _bigcmp(x, zero(BigInt)) == 0
isone(x::BigInt) = _bigcmp(x, one(BigInt)) == 0
zero(::Type{BigInt}) = BigInt(0)
one(::Type{BigInt}) = BigInt(1)
abs(x::BigInt) = x < 0 ? -x : x
sign(x::BigInt) = BigInt(_bigcmp(x, zero(BigInt)))
signbit(x::BigInt) = x < 0
isodd(x::BigInt) = !iszero(x & one(BigInt))
iseven(x::BigInt) = iszero(x & one(BigInt))

(^)(x::BigInt, p::Integer) = _bigpow(x, p)
(^)(x::BigInt, p::BigInt) = _bigpow(x, p)
(^)(x::Integer, p::BigInt) = _bigpow(BigInt(x), p)
(^)(x::BigInt, p::Bool) = p ? x : one(x)
function _bigpow(x::BigInt, p::Integer)
    isone(x) && return x
    x == -1 && return isodd(p) ? x : -x
    p < 0 && throw(DomainError(p, "`y` cannot be negative."))
    _bigop(:pow, x, BigInt(p))
end

function factorial(n::BigInt)
    n < 0 && throw(DomainError(n, "`n` must not be negative."))
    f = one(BigInt)
    for k in 2:Int(n)
        f *= k
    end
    f
end

show(io::IO, x::BigInt) = write(io, string(x))
print(io::IO, x::BigInt) = write(io, string(x))

# GMP's reading after Julia's preamble: errors name the whole text as `repr` shows it
function _parse_bigint(s::String, base, fail)
    v = ccall(:jl_bigint_parse, Any, (String, Int), s, _parse_base(base))
    v isa BigInt && return v
    fail(ArgumentError(v == 1 ? "premature end of integer: $(repr(s))" : "invalid BigInt: $(repr(s))"))
end
parse(::Type{BigInt}, s::String; base::Union{Nothing,Integer}=nothing) = _parse_bigint(s, base, _parse_throw)
tryparse(::Type{BigInt}, s::String; base::Union{Nothing,Integer}=nothing) = _parse_bigint(s, base, _parse_nothing)
macro big_str(s)
    parse(BigInt, s)
end
