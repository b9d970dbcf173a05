# rational.jl: Rational{T}, exact fractions num//den kept in lowest terms with a positive denominator (1//0 and
# -1//0 are the infinities), with overflow checked as Julia checks it.

# the rounding modes of div(x, y, r) and round(x, r)
struct RoundingMode{T} end
const RoundNearest = RoundingMode{:Nearest}()
const RoundToZero = RoundingMode{:ToZero}()
const RoundUp = RoundingMode{:Up}()
const RoundDown = RoundingMode{:Down}()
const RoundNearestTiesAway = RoundingMode{:NearestTiesAway}()
const RoundNearestTiesUp = RoundingMode{:NearestTiesUp}()
div(x::Integer, y::Integer, ::RoundingMode{:ToZero}) = div(x, y)
div(x::Integer, y::Integer, ::RoundingMode{:Down}) = fld(x, y)
div(x::Integer, y::Integer, ::RoundingMode{:Up}) = cld(x, y)
# the nearest quotient: from the floor q and the remainder's share of |y|, a tie broken by the mode
function div(x::Integer, y::Integer, r::RoundingMode)
    q = fld(x, y)
    a = abs(x - q * y)
    b = abs(y) - a
    a < b && return q
    a > b && return q + one(q)
    r === RoundNearest ? q + (isodd(q) ? one(q) : zero(q)) :
        r === RoundNearestTiesAway ? (q >= 0 ? q + one(q) : q) : q + one(q)
end

struct _Unchecked end
struct Rational{T<:Integer} <: Real
    num::T
    den::T
    # made only from terms already reduced, with the sign on the numerator
    Rational{T}(num, den, ::_Unchecked) where {T<:Integer} = new{T}(num, den)
end
_rational(::Type{T}, num, den) where {T} = Rational{T}(num, den, _Unchecked())
_rational(num::T, den::T) where {T<:Integer} = _rational(T, num, den)
_rational(num::Integer, den::Integer) = _rational(promote(num, den)...)

# den's sign moves to the numerator (an overflow there is Julia's OverflowError)
function _signed_den(num::T, den::T) where {T<:Integer}
    if signbit(den)
        den = checked_neg(den)
        num = checked_neg(num)
    end
    _rational(T, num, den)
end
_signed_den(num::Integer, den::Integer) = _signed_den(promote(num, den)...)

function divgcd(x::T, y::T) where {T<:Integer}
    g = gcd(x, y)
    div(x, g), div(y, g)
end
divgcd(x::Integer, y::Integer) = divgcd(promote(x, y)...)

function Rational{T}(num::Integer, den::Integer) where {T<:Integer}
    iszero(den) && iszero(num) && throw(ArgumentError(string("invalid rational: zero(", T, ")//zero(", T, ")")))
    n, d = divgcd(num, den)
    _signed_den(convert(T, n), convert(T, d))
end
Rational(n::T, d::T) where {T<:Integer} = Rational{T}(n, d)
Rational(n::Integer, d::Integer) = Rational(promote(n, d)...)
Rational(n::Integer) = _rational(n, one(n))
Rational(x::Rational) = x
Rational{T}(x::Rational) where {T<:Integer} = _rational(T, convert(T, x.num), convert(T, x.den))
Rational{T}(x::Integer) where {T<:Integer} = _rational(T, convert(T, x), one(T))

//(n::Integer, d::Integer) = Rational(n, d)
function //(x::Rational, y::Integer)
    xn, yn = divgcd(promote(x.num, y)...)
    _signed_den(xn, checked_mul(x.den, yn))
end
function //(x::Integer, y::Rational)
    xn, yn = divgcd(promote(x, y.num)...)
    _signed_den(checked_mul(xn, y.den), yn)
end
function //(x::Rational, y::Rational)
    xn, yn = divgcd(promote(x.num, y.num)...)
    xd, yd = divgcd(promote(x.den, y.den)...)
    _signed_den(checked_mul(xn, yd), checked_mul(xd, yn))
end
//(z::Complex, y::Real) = Complex(real(z) // y, imag(z) // y)
//(x::Number, y::Complex) = x * conj(y) // abs2(y)

numerator(x::Integer) = x
numerator(x::Rational) = x.num
denominator(x::Integer) = one(x)
denominator(x::Rational) = x.den

convert(::Type{Rational{T}}, x::Rational{T}) where {T<:Integer} = x
promote_rule(::Type{Rational{T}}, ::Type{S}) where {T<:Integer,S<:Integer} = Rational{promote_type(T, S)}
promote_rule(::Type{Rational{T}}, ::Type{Rational{S}}) where {T<:Integer,S<:Integer} = Rational{promote_type(T, S)}
promote_rule(::Type{Rational{T}}, ::Type{S}) where {T<:Integer,S<:AbstractFloat} = promote_type(T, S)
big(::Type{Rational{T}}) where {T<:Integer} = Rational{BigInt}
big(x::Rational) = _rational(big(x.num), big(x.den))

# a Float64 exactly (every finite one is a fraction over a power of two), or InexactError when the parts do not fit T
function Rational{T}(x::Float64) where {T<:Integer}
    isnan(x) && return Rational{T}(T(x))
    isinf(x) && return _rational(T, x > 0 ? one(T) : -one(T), zero(T))
    n, d = _exact_float(x)
    r = n // d
    T === BigInt || (BigInt(typemin(T)) <= r.num <= BigInt(typemax(T)) && r.den <= BigInt(typemax(T))) ||
        throw(InexactError(:Rational, Rational{T}, x))
    _rational(T, T(r.num), T(r.den))
end
Rational(x::Float64) = Rational{Int64}(x)

# to an integer only when whole; to a float as the quotient of the parts in that float type
(::Type{T})(x::Rational) where {T<:Integer} = isinteger(x) ? convert(T, x.num) : throw(InexactError(nameof(T), T, x))
Bool(x::Rational) = iszero(x) ? false : isone(x) ? true : throw(InexactError(:Bool, Bool, x))
Float64(x::Rational) = Float64(x.num) / Float64(x.den)
Float32(x::Rational) = Float32(Float64(x.num) / Float64(x.den))
float(x::Rational) = Float64(x)
float(::Type{Rational{T}}) where {T<:Integer} = Float64

sign(x::Rational) = oftype(x, sign(x.num))
signbit(x::Rational) = signbit(x.num)
abs(x::Rational) = _rational(checked_abs(x.num), x.den)
iszero(x::Rational) = iszero(x.num)
isone(x::Rational) = isone(x.num) & isone(x.den)
isinteger(x::Rational) = x.den == 1
isfinite(x::Rational) = !iszero(x.den)
isinf(x::Rational) = iszero(x.den)
isnan(x::Rational) = false
zero(::Type{Rational{T}}) where {T<:Integer} = _rational(T, zero(T), one(T))
one(::Type{Rational{T}}) where {T<:Integer} = _rational(T, one(T), one(T))
typemin(::Type{Rational{T}}) where {T<:Signed} = _rational(T, -one(T), zero(T))
typemax(::Type{Rational{T}}) where {T<:Integer} = _rational(T, one(T), zero(T))

(+)(x::Rational) = x
function (-)(x::Rational{T}) where {T<:BitSigned}
    x.num == typemin(T) && throw(OverflowError(string("rational numerator is typemin(", T, ")")))
    _rational(T, -x.num, x.den)
end
(-)(x::Rational) = _rational(-x.num, x.den)

# sums over the least common denominator; ∞ + ∞ stays ∞ (and ∞ - ∞ is the 0//0 error)
function (+)(x::Rational, y::Rational)
    isinf(x) && x == y && return promote(x, y)[1]
    xd, yd = divgcd(promote(x.den, y.den)...)
    Rational(checked_add(checked_mul(x.num, yd), checked_mul(y.num, xd)), checked_mul(x.den, yd))
end
function (-)(x::Rational, y::Rational)
    isinf(x) && x == -y && return promote(x, y)[1]
    xd, yd = divgcd(promote(x.den, y.den)...)
    Rational(checked_sub(checked_mul(x.num, yd), checked_mul(y.num, xd)), checked_mul(x.den, yd))
end
(+)(x::Rational, y::Integer) = _rational(checked_add(x.num, checked_mul(x.den, y)), x.den)
(+)(y::Integer, x::Rational) = _rational(checked_add(checked_mul(x.den, y), x.num), x.den)
(-)(x::Rational, y::Integer) = _rational(checked_sub(x.num, checked_mul(x.den, y)), x.den)
(-)(y::Integer, x::Rational) = _rational(checked_sub(checked_mul(x.den, y), x.num), x.den)
function rem(x::Rational, y::Rational)
    xd, yd = divgcd(promote(x.den, y.den)...)
    Rational(rem(checked_mul(x.num, yd), checked_mul(y.num, xd)), checked_mul(x.den, yd))
end
function mod(x::Rational, y::Rational)
    xd, yd = divgcd(promote(x.den, y.den)...)
    Rational(mod(checked_mul(x.num, yd), checked_mul(y.num, xd)), checked_mul(x.den, yd))
end
rem(x::Rational, y::Integer) = _rational(rem(x.num, checked_mul(x.den, y)), x.den)
mod(x::Rational, y::Integer) = _rational(mod(x.num, checked_mul(x.den, y)), x.den)
rem(y::Integer, x::Rational) = Rational(rem(checked_mul(x.den, y), x.num), x.den)
mod(y::Integer, x::Rational) = Rational(mod(checked_mul(x.den, y), x.num), x.den)

# products cancel crosswise first, so that only a result that does not fit overflows
function (*)(x::Rational, y::Rational)
    xn, yd = divgcd(promote(x.num, y.den)...)
    xd, yn = divgcd(promote(x.den, y.num)...)
    _rational(checked_mul(xn, yn), checked_mul(xd, yd))
end
function (*)(x::Rational, y::Integer)
    xd, yn = divgcd(promote(x.den, y)...)
    _rational(checked_mul(x.num, yn), xd)
end
function (*)(y::Integer, x::Rational)
    yn, xd = divgcd(promote(y, x.den)...)
    _rational(checked_mul(yn, x.num), xd)
end
(/)(x::Rational, y::Union{Rational,Integer}) = x // y
(/)(x::Integer, y::Rational) = x // y
inv(x::Rational) = _signed_den(x.den, x.num)

(==)(x::Rational, y::Rational) = (x.den == y.den) & (x.num == y.num)
(==)(x::Rational, y::Integer) = (x.den == 1) & (x.num == y)
(==)(x::Integer, y::Rational) = y == x
(<)(x::Rational, y::Rational) = x.den == y.den ? x.num < y.num : widemul(x.num, y.den) < widemul(x.den, y.num)
(<=)(x::Rational, y::Rational) = x.den == y.den ? x.num <= y.num : widemul(x.num, y.den) <= widemul(x.den, y.num)
(<)(x::Rational, y::Integer) = x.num < widemul(x.den, y)
(<)(x::Integer, y::Rational) = widemul(x, y.den) < y.num
(<=)(x::Rational, y::Integer) = x.num <= widemul(x.den, y)
(<=)(x::Integer, y::Rational) = widemul(x, y.den) <= y.num
cmp(x::Real, y::Real) = x < y ? -1 : y < x ? 1 : 0

# against a float, exactly: a finite Float64 is n/2^k or n*2^k, compared as integers (BigInt) with the rational
function _exact_float(x::Float64)
    b = bitcast(Int64, x)
    e = (b >> 52) & 2047
    m = b & ((1 << 52) - 1)
    e == 0 ? (e = 1) : (m |= 1 << 52)
    e -= 1075
    n = BigInt(b < 0 ? -m : m)
    e >= 0 ? (n << e, one(BigInt)) : (n, one(BigInt) << -e)
end
function _cmp_float(q::Rational, x::Float64)
    isfinite(x) || return isinf(q) && signbit(q.num) == signbit(x) ? 0 : x > 0 ? -1 : 1
    isinf(q) && return q.num > 0 ? 1 : -1
    n, d = _exact_float(x)
    cmp(BigInt(q.num) * d, n * BigInt(q.den))
end
(==)(q::Rational, x::Float64) = !isnan(x) && _cmp_float(q, x) == 0
(==)(x::Float64, q::Rational) = q == x
(<)(q::Rational, x::Float64) = !isnan(x) && _cmp_float(q, x) < 0
(<)(x::Float64, q::Rational) = !isnan(x) && _cmp_float(q, x) > 0
(<=)(q::Rational, x::Float64) = !isnan(x) && _cmp_float(q, x) <= 0
(<=)(x::Float64, q::Rational) = !isnan(x) && _cmp_float(q, x) >= 0
(==)(z::Complex, x::Rational) = isreal(z) & (real(z) == x)
(==)(x::Rational, z::Complex) = isreal(z) & (real(z) == x)

# isequal values hash alike: a whole rational as its integer, one a Float64 holds exactly as that float
function hash(x::Rational, h::UInt)
    isone(x.den) && return hash(x.num, h)
    f = Float64(x)
    f == x ? hash(f, h) : _hash_mix(reinterpret(UInt, ccall(:jl_hash, Int, (Any,), x)), h)
end

# powers by repeated squaring, squaring no further than the highest bit of p needs
function power_by_squaring(x, p::Integer)
    p == 0 && return one(x)
    r = x
    started = false
    while true
        if isodd(p)
            r = started ? r * x : x
            started = true
        end
        p >>= 1
        p == 0 && return r
        x = x * x
    end
end
(^)(x::Number, p::Integer) = p < 0 && !isone(x) ? _negative_power(x, p) : power_by_squaring(x, p)
_negative_power(x, p) = isone(-x) ? (iseven(p) ? one(x) : x) :
    throw(DomainError(p, "Cannot raise an integer x to a negative power $p.\nConvert input to float."))
(^)(x::Rational, n::Integer) = n >= 0 ? power_by_squaring(x, n) : power_by_squaring(inv(x), -n)
(^)(x::Rational, n::Bool) = n ? x : one(x)
(^)(x::Number, y::Rational) = x^(y.num / y.den)
(^)(x::Float64, y::Rational) = x^Float64(y)

# rounding gives a Rational (or a T for round(T, x)): the quotient num÷den rounded by the mode
round(x::Rational, r::RoundingMode=RoundNearest) = round(typeof(x), x, r)
function round(::Type{T}, x::Rational{S}, r::RoundingMode=RoundNearest) where {T,S}
    if iszero(x.den) && !(T <: Integer)
        return convert(T, x)
    end
    convert(T, div(x.num, x.den, r))
end
trunc(x::Rational) = round(x, RoundToZero)
floor(x::Rational) = round(x, RoundDown)
ceil(x::Rational) = round(x, RoundUp)
trunc(::Type{T}, x::Rational) where {T} = round(T, x, RoundToZero)
floor(::Type{T}, x::Rational) where {T} = round(T, x, RoundDown)
ceil(::Type{T}, x::Rational) where {T} = round(T, x, RoundUp)
# the quotient of rationals rounded to an integer: num÷den of x/y
for p in ((Rational, Integer), (Integer, Rational), (Rational, Rational))
    @eval div(x::$(p[1]), y::$(p[2]), r::RoundingMode) = (q = x // y; div(q.num, q.den, r))
    @eval div(x::$(p[1]), y::$(p[2])) = div(x, y, RoundToZero)
    @eval fld(x::$(p[1]), y::$(p[2])) = div(x, y, RoundDown)
    @eval cld(x::$(p[1]), y::$(p[2])) = div(x, y, RoundUp)
end

function gcd(x::Rational, y::Rational)
    _rational(gcd(x.num, y.num), lcm(x.den, y.den))
end
function lcm(x::Rational, y::Rational)
    _rational(lcm(x.num, y.num), gcd(x.den, y.den))
end

# a whole rational shows its denominator too, but where the context already names a Rational type
function show(io::IO, x::Rational)
    show(io, x.num)
    isone(x.den) && get(io, :typeinfo, Any) <: Rational && return
    print(io, "//")
    show(io, x.den)
end

# the simplest fraction within tol of x: the continued-fraction convergents of x, then the best semiconvergent
function rationalize(::Type{T}, x::Float64; tol::Real=eps(x)) where {T<:Integer}
    tol < 0 && throw(ArgumentError("negative tolerance $tol"))
    isnan(x) && return _rational(T, zero(T), zero(T))
    isinf(x) && return _rational(T, x < 0 ? -one(T) : one(T), zero(T))
    n, d = _exact_float(x)
    q = n // d
    p0, q0, p1, q1 = zero(BigInt), one(BigInt), one(BigInt), zero(BigInt)
    r = q
    best = nothing
    while true
        a = floor(BigInt, r)
        p2, q2 = a * p1 + p0, a * q1 + q0
        c = p2 // q2
        if abs(c - q) <= tol
            # the smallest semiconvergent still within tol
            lo = one(BigInt)
            hi = a
            while lo < hi
                m = div(lo + hi, 2)
                abs((m * p1 + p0) // (m * q1 + q0) - q) <= tol ? (hi = m) : (lo = m + 1)
            end
            best = (hi * p1 + p0, hi * q1 + q0)
            break
        end
        p0, q0, p1, q1 = p1, q1, p2, q2
        r = inv(r - a)
    end
    Rational{T}(T(best[1]), T(best[2]))
end
rationalize(x::Float64; tol::Real=eps(x)) = rationalize(Int, x; tol=tol)

# x^n for an integer literal n (lowering makes it literal_pow(^, x, Val(n))): the machine numbers take small
# powers as products, and a negative power is a power of the inverse (of the Float64 for a machine integer)
const _HWReal = Union{Int8,Int16,Int32,Int64,UInt8,UInt16,UInt32,UInt64,Float32,Float64}
const _HWNumber = Union{_HWReal,Complex{<:_HWReal},Rational{<:_HWReal}}
literal_pow(f, x, ::Val{p}) where {p} = f(x, p)
function literal_pow(f::typeof(^), x, ::Val{p}) where {p}
    p >= 0 && return f(x, p)
    x isa Union{Int8,Int16,Int32,Int64,UInt8,UInt16,UInt32,UInt64} ? f(Float64(x), p) : f(inv(x), -p)
end
literal_pow(::typeof(^), x::_HWNumber, ::Val{0}) = one(x)
literal_pow(::typeof(^), x::_HWNumber, ::Val{1}) = x
literal_pow(::typeof(^), x::_HWNumber, ::Val{2}) = x * x
literal_pow(::typeof(^), x::_HWNumber, ::Val{3}) = x * x * x
literal_pow(::typeof(^), x::_HWNumber, ::Val{-1}) = inv(x)
literal_pow(::typeof(^), x::_HWNumber, ::Val{-2}) = (i = inv(x); i * i)
