# Float64 arithmetic and mixed Int/Float promotion.
(+)(x::Float64, y::Float64) = add_float(x, y)
(-)(x::Float64, y::Float64) = sub_float(x, y)
(*)(x::Float64, y::Float64) = mul_float(x, y)
(/)(x::Float64, y::Float64) = div_float(x, y)
(-)(x::Float64) = neg_float(x)
rem(x::Float64, y::Float64) = rem_float(x, y)
(%)(x::Float64, y::Float64) = rem_float(x, y)
mod(x::Float64, y::Float64) = (r = rem(x, y); (r != 0 && ((r < 0) != (y < 0))) ? r + y : r)
# x - rem(x, y) is an exact multiple of y, so the quotient only needs rounding off
div(x::Float64, y::Float64) = rint_llvm((x - rem(x, y)) / y)
fld(x::Float64, y::Float64) = rint_llvm((x - mod(x, y)) / y)
cld(x::Float64, y::Float64) = -fld(-x, y)
(==)(x::Float64, y::Float64) = eq_float(x, y)
(<)(x::Float64, y::Float64) = lt_float(x, y)
(<=)(x::Float64, y::Float64) = le_float(x, y)
isequal(x::Float64, y::Float64) = fpiseq(x, y)
Float64(x::Float64) = x
Float64(x::Int64) = sitofp(Float64, x)
Float64(x::Bool) = x ? 1.0 : 0.0
Float64(x::BitSigned) = sitofp(Float64, x)
Float64(x::BitUnsigned) = uitofp(Float64, x)
float(x::Int64) = Float64(x)
float(x::Float64) = x
(/)(x::Int64, y::Int64) = Float64(x) / Float64(y)
# any two integers: as Julia, a Float64 quotient
(/)(x::BitInteger, y::BitInteger) = Float64(x) / Float64(y)
isnan(x::IEEEFloat) = x != x
isinf(x::IEEEFloat) = !isnan(x) && isnan(x - x)
isfinite(x::IEEEFloat) = !isnan(x - x)
# integers are never NaN nor infinite
isnan(x::Integer) = false
isinf(x::Integer) = false
isfinite(x::Integer) = true
isinteger(x::IEEEFloat) = isfinite(x) && x == trunc_llvm(x)
isinteger(x::Integer) = true
abs(x::Float64) = abs_float(x)
sign(x::Float64) = x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : x
throw_complex_domainerror(f::Symbol, x) = throw(DomainError(x,
    string(f, " was called with a negative real argument but will only return a complex result if called with a complex argument. Try ", f, "(Complex(x)).")))
sqrt(x::Float64) = x < 0.0 ? throw_complex_domainerror(:sqrt, x) : sqrt_llvm(x)
sqrt(x::Int64) = sqrt(Float64(x))
floor(x::Float64) = floor_llvm(x)
ceil(x::Float64) = ceil_llvm(x)
trunc(x::Float64) = trunc_llvm(x)
round(x::Float64) = rint_llvm(x)
floor(::Type{Int64}, x::Float64) = Int64(floor(x))
ceil(::Type{Int64}, x::Float64) = Int64(ceil(x))
round(::Type{Int64}, x::Float64) = Int64(round(x))
round(::Type{T}, x::Float64) where {T<:Integer} = T(round(x))
trunc(::Type{Int64}, x::Float64) = Int64(trunc(x))
(^)(x::Float64, y::Float64) = ccall(:jl_pow, Float64, (Float64, Float64), x, y)
(^)(x::Float64, y::Int64) = ccall(:jl_pow, Float64, (Float64, Float64), x, Float64(y))
sin(x::Float64) = ccall(:jl_sin, Float64, (Float64,), x)
sin(x::Int64) = sin(Float64(x))
cos(x::Float64) = ccall(:jl_cos, Float64, (Float64,), x)
cos(x::Int64) = cos(Float64(x))
tan(x::Float64) = ccall(:jl_tan, Float64, (Float64,), x)
tan(x::Int64) = tan(Float64(x))
exp(x::Float64) = ccall(:jl_exp, Float64, (Float64,), x)
exp(x::Int64) = exp(Float64(x))
log(x::Float64) = x < 0.0 ? throw_complex_domainerror(:log, x) : ccall(:jl_log, Float64, (Float64,), x)
log(x::Int64) = log(Float64(x))
log2(x::Float64) = x < 0.0 ? throw_complex_domainerror(:log2, x) : ccall(:jl_log2, Float64, (Float64,), x)
log2(x::Int64) = log2(Float64(x))
log10(x::Float64) = x < 0.0 ? throw_complex_domainerror(:log10, x) : ccall(:jl_log10, Float64, (Float64,), x)
log10(x::Int64) = log10(Float64(x))
atan(x::Float64) = ccall(:jl_atan, Float64, (Float64,), x)
atan(x::Int64) = atan(Float64(x))
asin(x::Float64) = ccall(:jl_asin, Float64, (Float64,), x)
asin(x::Int64) = asin(Float64(x))
acos(x::Float64) = ccall(:jl_acos, Float64, (Float64,), x)
acos(x::Int64) = acos(Float64(x))
sinh(x::Float64) = ccall(:jl_sinh, Float64, (Float64,), x)
sinh(x::Int64) = sinh(Float64(x))
cosh(x::Float64) = ccall(:jl_cosh, Float64, (Float64,), x)
cosh(x::Int64) = cosh(Float64(x))
tanh(x::Float64) = ccall(:jl_tanh, Float64, (Float64,), x)
tanh(x::Int64) = tanh(Float64(x))
cbrt(x::Float64) = ccall(:jl_cbrt, Float64, (Float64,), x)
cbrt(x::Int64) = cbrt(Float64(x))
const √ = sqrt
const ∛ = cbrt
const pi = 3.141592653589793
const π = pi
const ℯ = 2.718281828459045
typemax(::Type{Float64}) = Inf
const Inf = 1.0 / 0.0
const NaN = 0.0 / 0.0
# promotion between Int64 and Float64, the common case
promote_rule(::Type{Float64}, ::Type{Int64}) = Float64
promote(x::Int64, y::Float64) = (Float64(x), y)
promote(x::Float64, y::Int64) = (x, Float64(y))
promote(x::T, y::T) where T = (x, y)
for op in (:+, :-, :*, :/, :<, :<=, :(==), :rem, :mod, :^, :%, :min, :max)
    @eval $op(x::Int64, y::Float64) = $op(Float64(x), y)
    @eval $op(x::Float64, y::Int64) = $op(x, Float64(y))
end
(<)(x, y) = isless(x, y)
(<=)(x, y) = !(y < x)
isless(x::Real, y::Real) = x < y
# NaN after every other value, -0.0 before 0.0
isless(x::Float64, y::Float64) = isnan(x) ? false : isnan(y) ? true : (x < y) | ((x == y) & signbit(x) & !signbit(y))
# min and max order by isless, as Julia's (a type's own `<` is not asked)
min(x, y) = isless(y, x) ? y : x
max(x, y) = isless(y, x) ? x : y
# floats as Julia orders them for min and max: NaN wins, and -0.0 is below 0.0
function max(x::T, y::T) where {T<:AbstractFloat}
    (isnan(x) || isnan(y)) && return x + y
    x == y ? (signbit(x) ? y : x) : (y < x ? x : y)
end
function min(x::T, y::T) where {T<:AbstractFloat}
    (isnan(x) || isnan(y)) && return x + y
    x == y ? (signbit(x) ? x : y) : (y < x ? y : x)
end
min(a, b, c...) = min(min(a, b), c...)
max(a, b, c...) = max(max(a, b), c...)
minmax(x, y) = isless(y, x) ? (y, x) : (x, y)
clamp(x, lo, hi) = x > hi ? hi : x < lo ? lo : x
abs2(x) = x * x
hypot(x::Float64, y::Float64) = ccall(:jl_hypot, Float64, (Float64, Float64), x, y)
(\)(x, y) = y / x
# a left fold in one loop, as Julia's afoldl: a call that passed on all but one argument each time was quadratic in
# their number (a 4,000-term `1+1+...` took half a minute) and as deep
(+)(a, b, c, xs...) = afoldl(+, (a + b) + c, xs...)
(*)(a, b, c, xs...) = afoldl(*, (a * b) * c, xs...)
function afoldl(op, y, bs...)
    for b in bs
        y = op(y, b)
    end
    return y
end
# the common short chains without varargs, so that they infer, inline and compile like two-argument calls
(+)(a::Number, b::Number, c::Number) = (a + b) + c
(*)(a::Number, b::Number, c::Number) = (a * b) * c
(+)(a::Number, b::Number, c::Number, d::Number) = ((a + b) + c) + d
(*)(a::Number, b::Number, c::Number, d::Number) = ((a * b) * c) * d
floatmax(::Type{Float64}) = 1.7976931348623157e308
floatmin(::Type{Float64}) = 2.2250738585072014e-308
floatmax(x::Float64) = floatmax(Float64)
floatmin(x::Float64) = floatmin(Float64)
reinterpret(::Type{T}, x) where {T} = bitcast(T, x)
# neighbours on the Float64 grid: step the bit pattern, which is ordered like the values within a sign
function nextfloat(x::Float64)
    (isnan(x) || x == Inf) && return x
    x == 0.0 && return 5.0e-324
    b = reinterpret(Int64, x)
    reinterpret(Float64, x > 0.0 ? b + 1 : b - 1)
end
prevfloat(x::Float64) = -nextfloat(-x)
# the gap from x to the next larger float (of the same sign's magnitude), as Julia defines eps
eps(::Type{Float64}) = 2.220446049250313e-16
eps() = eps(Float64)
function eps(x::Float64)
    isfinite(x) || return NaN
    ax = abs(x)
    ax < floatmin(Float64) && return 5.0e-324
    nextfloat(ax) - ax
end

# Float32: single precision on the same intrinsics; mixed with Int64 it stays Float32, with Float64 it widens
(+)(x::Float32, y::Float32) = add_float(x, y)
(-)(x::Float32, y::Float32) = sub_float(x, y)
(*)(x::Float32, y::Float32) = mul_float(x, y)
(/)(x::Float32, y::Float32) = div_float(x, y)
(-)(x::Float32) = neg_float(x)
rem(x::Float32, y::Float32) = rem_float(x, y)
(%)(x::Float32, y::Float32) = rem_float(x, y)
mod(x::Float32, y::Float32) = (r = rem(x, y); (r != 0 && ((r < 0) != (y < 0))) ? r + y : r)
(==)(x::Float32, y::Float32) = eq_float(x, y)
(<)(x::Float32, y::Float32) = lt_float(x, y)
(<=)(x::Float32, y::Float32) = le_float(x, y)
isequal(x::Float32, y::Float32) = fpiseq(x, y)
isless(x::Float32, y::Float32) = isnan(x) ? false : isnan(y) ? true : (x < y) | ((x == y) & signbit(x) & !signbit(y))
abs(x::Float32) = abs_float(x)
sign(x::Float32) = x > 0.0f0 ? 1.0f0 : x < 0.0f0 ? -1.0f0 : x
sqrt(x::Float32) = x < 0.0f0 ? throw_complex_domainerror(:sqrt, x) : sqrt_llvm(x)
floor(x::Float32) = floor_llvm(x)
ceil(x::Float32) = ceil_llvm(x)
trunc(x::Float32) = trunc_llvm(x)
round(x::Float32) = rint_llvm(x)
Float32(x::Float32) = x
Float32(x::Float64) = fptrunc(Float32, x)
Float32(x::BitSigned) = sitofp(Float32, x)
Float32(x::BitUnsigned) = uitofp(Float32, x)
Float32(x::Bool) = x ? 1.0f0 : 0.0f0
Float64(x::Float32) = fpext(Float64, x)
Int64(x::Float32) = Int64(Float64(x))
float(x::Float32) = x
zero(::Type{Float32}) = 0.0f0
one(::Type{Float32}) = 1.0f0
typemax(::Type{Float32}) = Inf32
typemin(::Type{Float32}) = -Inf32
floatmax(::Type{Float32}) = 3.4028235f38
floatmin(::Type{Float32}) = 1.1754944f-38
eps(::Type{Float32}) = 1.1920929f-7
const Inf32 = 1.0f0 / 0.0f0
const NaN32 = 0.0f0 / 0.0f0
# powers and elementary functions through Float64, rounded once at the end
(^)(x::Float32, y::Int64) = Float32(Float64(x)^y)
(^)(x::Float32, y::Float32) = Float32(Float64(x)^Float64(y))
for f in (:sin, :cos, :tan, :exp, :log, :log2, :log10, :atan, :asin, :acos, :sinh, :cosh, :tanh, :cbrt)
    @eval $f(x::Float32) = Float32($f(Float64(x)))
end
promote(x::Int64, y::Float32) = (Float32(x), y)
promote(x::Float32, y::Int64) = (x, Float32(y))
promote(x::Float32, y::Float64) = (Float64(x), y)
promote(x::Float64, y::Float32) = (x, Float64(y))
for op in (:+, :-, :*, :/, :<, :<=, :(==), :rem, :mod, :^, :%, :min, :max)
    @eval $op(x::Int64, y::Float32) = $op(Float32(x), y)
    @eval $op(x::Float32, y::Int64) = $op(x, Float32(y))
    @eval $op(x::Float32, y::Float64) = $op(Float64(x), y)
    @eval $op(x::Float64, y::Float32) = $op(x, Float64(y))
end
# floats with the other integer types: the float's type
for op in (:+, :-, :*, :/, :<, :<=, :(==), :rem, :mod, :%, :min, :max)
    for F in (:Float64, :Float32)
        @eval $op(x::$F, y::BitInteger) = $op(x, $F(y))
        @eval $op(x::BitInteger, y::$F) = $op($F(x), y)
    end
end
# a float to an integer type: exactly, or InexactError
function (::Type{T})(x::IEEEFloat) where {T<:BitInteger}
    (isinteger(x) && Float64(typemin(T)) <= x < Float64(typemax(T)) + 1.0) || throw(InexactError(nameof(T), T, x))
    T <: Signed ? fptosi(T, x) : fptoui(T, x)
end
convert(::Type{T}, x::IEEEFloat) where {T<:BitInteger} = T(x)
round(x::Integer) = x
round(::Type{T}, x::Integer) where {T<:Integer} = convert(T, x)
# x*y + z rounded once. The runtime's fma_float rounds the product too, so the product is taken exactly as
# hi + lo (Veltkamp's split, Dekker's product) and summed with z by error-free addition (in rare cases the two
# last roundings leave it one ulp off the correctly rounded result).
function fma(x::Float64, y::Float64, z::Float64)
    p = x * y
    (isfinite(p) && isfinite(z) && abs(x) < 1e150 && abs(y) < 1e150) || return p + z
    xh, xl = _split(x)
    yh, yl = _split(y)
    lo = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl
    s = p + z
    bb = s - p
    e = (p - (s - bb)) + (z - bb)
    s + (e + lo)
end
function _split(a::Float64)
    c = 134217729.0 * a
    h = c - (c - a)
    (h, a - h)
end
fma(x::Real, y::Real, z::Real) = fma(Float64(x), Float64(y), Float64(z))
