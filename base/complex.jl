# Complex numbers: Complex{T} for a real type T, the constant `im`, arithmetic and printing as Julia does.
struct Complex{T<:Real} <: Number
    re::T
    im::T
end
Complex(x::T, y::T) where {T<:Real} = Complex{T}(x, y)
Complex(x::Int64, y::Float64) = Complex{Float64}(Float64(x), y)
Complex(x::Float64, y::Int64) = Complex{Float64}(x, Float64(y))
Complex(x::Real) = Complex(x, zero(x))
const ComplexF64 = Complex{Float64}
const im = Complex(false, true)

complex(x::Real, y::Real) = Complex(x, y)
complex(x::Real) = Complex(x)
complex(z::Complex) = z
real(z::Complex) = z.re
imag(z::Complex) = z.im
real(x::Real) = x
imag(x::Real) = zero(x)
reim(z) = (real(z), imag(z))
isreal(z::Complex) = iszero(z.im)
isreal(x::Real) = true
iszero(z::Complex) = iszero(z.re) & iszero(z.im)
conj(z::Complex) = Complex(z.re, -z.im)
abs2(z::Complex) = z.re * z.re + z.im * z.im
abs(z::Complex) = hypot(z.re, z.im)
angle(z::Complex) = atan(z.im, z.re)
zero(::Type{Complex{T}}) where T = Complex(zero(T), zero(T))
one(::Type{Complex{T}}) where T = Complex(one(T), zero(T))

(+)(z::Complex, w::Complex) = Complex(z.re + w.re, z.im + w.im)
(-)(z::Complex, w::Complex) = Complex(z.re - w.re, z.im - w.im)
(-)(z::Complex) = Complex(-z.re, -z.im)
(*)(z::Complex, w::Complex) = Complex(z.re * w.re - z.im * w.im, z.re * w.im + z.im * w.re)
function (/)(z::Complex, w::Complex)
    d = w.re * w.re + w.im * w.im
    Complex((z.re * w.re + z.im * w.im) / d, (z.im * w.re - z.re * w.im) / d)
end
(+)(z::Complex, x::Real) = Complex(z.re + x, z.im + zero(x))
(+)(x::Real, z::Complex) = Complex(x + z.re, zero(x) + z.im)
(-)(z::Complex, x::Real) = Complex(z.re - x, z.im - zero(x))
(-)(x::Real, z::Complex) = Complex(x - z.re, zero(x) - z.im)
(*)(z::Complex, x::Real) = Complex(z.re * x, z.im * x)
(*)(x::Real, z::Complex) = Complex(x * z.re, x * z.im)
(/)(z::Complex, x::Real) = Complex(z.re / x, z.im / x)
(/)(x::Real, z::Complex) = Complex(x, zero(x)) / z
# Complex{Bool} (`im` itself) multiplies and adds as the Gaussian integer it names
(*)(x::Real, z::Complex{Bool}) = Complex(z.re ? x : zero(x), z.im ? x : zero(x))
(*)(z::Complex{Bool}, x::Real) = x * z
(+)(x::Real, z::Complex{Bool}) = Complex(x + (z.re ? one(x) : zero(x)), z.im ? one(x) : zero(x))
(+)(z::Complex{Bool}, x::Real) = x + z
(-)(x::Real, z::Complex{Bool}) = Complex(x - (z.re ? one(x) : zero(x)), z.im ? -one(x) : zero(x))
(-)(z::Complex{Bool}) = Complex(-Int(z.re), -Int(z.im))
(*)(z::Complex{Bool}, w::Complex{Bool}) = Complex(Int(z.re), Int(z.im)) * Complex(Int(w.re), Int(w.im))
# z^2 is z*z (what Julia's literal powers compute); other powers by repeated squaring
(^)(z::Complex, n::Int) = n == 2 ? z * z : _cpow(z, n)
function _cpow(z::Complex, n::Int)
    n < 0 && return one(typeof(z)) / _cpow(z, -n)
    r = one(typeof(z))
    while n > 0
        if n & 1 == 1
            r = r == one(typeof(z)) ? z : r * z
        end
        n >>= 1
        n > 0 && (z = z * z)
    end
    r
end
(==)(z::Complex, w::Complex) = (z.re == w.re) & (z.im == w.im)
(==)(z::Complex, x::Real) = (z.re == x) & iszero(z.im)
(==)(x::Real, z::Complex) = z == x
isequal(z::Complex, w::Complex) = isequal(z.re, w.re) & isequal(z.im, w.im)
# a complex number with a zero imaginary part is isequal to its real part, and hashes alike: the imaginary part's
# hash is mixed in by xor, with the hash of 0 taken out again
hash(z::Complex, h::UInt) = hash(real(z), xor(xor(h, hash(imag(z), 0x32a7a07f3e7cd1f9)), hash(0, 0x32a7a07f3e7cd1f9)))
sqrt(z::Complex) = (r = abs(z); Complex(sqrt((r + z.re) / 2), copysign(sqrt((r - z.re) / 2), z.im)))

function show(io::IO, z::Complex)
    # Complex{Bool} reads as im or as its constructor call
    z isa Complex{Bool} && return print(io, z.im && !z.re ? "im" : string("Complex(", z.re, ",", z.im, ")"))
    r, i = z.re, z.im
    show(io, r)
    if signbit(i) && !(i isa AbstractFloat && isnan(i))
        print(io, " - ")
        i = -i
    else
        print(io, " + ")
    end
    show(io, i)
    # a part that does not read as one number token (1//2, Inf) is joined to im with *
    print(io, i isa Integer || (i isa AbstractFloat && isfinite(i)) ? "im" : "*im")
end
signbit(x::Integer) = x < 0
signbit(x::Float64) = x < 0.0 || (x == 0.0 && 1.0 / x < 0.0)
atan(y::Float64, x::Float64) = ccall(:jl_atan2, Float64, (Float64, Float64), y, x)
copysign(x::Float64, y::Float64) = copysign_float(x, y)
# sin(πx) and cos(πx), exact where the answer is 0 or ±1 (x reduced mod 2 first, so no multiple of π is rounded)
function sinpi(x::Float64)
    isinf(x) && throw(DomainError(x, "`x` cannot be infinite."))
    isnan(x) && return x
    y = rem(abs(x), 2.0)
    r = y <= 0.25 ? sin(pi * y) :
        y <= 0.75 ? cos(pi * (y - 0.5)) :
        y <= 1.25 ? -sin(pi * (y - 1.0)) :
        y <= 1.75 ? -cos(pi * (y - 1.5)) : sin(pi * (y - 2.0))
    r == 0 && return copysign(0.0, x)
    x < 0 ? -r : r
end
function cospi(x::Float64)
    isinf(x) && throw(DomainError(x, "`x` cannot be infinite."))
    isnan(x) && return x
    y = rem(abs(x), 2.0)
    r = y <= 0.25 ? cos(pi * y) :
        y <= 0.75 ? -sin(pi * (y - 0.5)) :
        y <= 1.25 ? -cos(pi * (y - 1.0)) :
        y <= 1.75 ? sin(pi * (y - 1.5)) : cos(pi * (y - 2.0))
    r == 0 ? 0.0 : r
end
sinpi(x::Real) = sinpi(Float64(x))
cospi(x::Real) = cospi(Float64(x))
sincospi(x::Real) = (sinpi(x), cospi(x))
cis(x::Real) = Complex(cos(x), sin(x))
cispi(x::Real) = Complex(cospi(x), sinpi(x))
promote_rule(::Type{Complex{T}}, ::Type{S}) where {T<:Real,S<:Real} = Complex{promote_type(T, S)}
promote_rule(::Type{Complex{T}}, ::Type{Complex{S}}) where {T<:Real,S<:Real} = Complex{promote_type(T, S)}
convert(::Type{Complex{T}}, x::Real) where {T<:Real} = Complex{T}(convert(T, x), zero(T))
convert(::Type{Complex{T}}, z::Complex) where {T<:Real} = Complex{T}(convert(T, z.re), convert(T, z.im))
# a complex number with no imaginary part to a real type (Int64(2.0 + 0im) is 2)
(::Type{T})(z::Complex) where {T<:Real} = isreal(z) ? T(real(z)) : throw(InexactError(nameof(T), T, z))
