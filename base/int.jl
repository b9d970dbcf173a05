(>)(x, y) = y < x
(>=)(x, y) = y <= x
# Integer arithmetic on intrinsics (wrapping, as in Julia) and promotion between numbers.
(+)(x::T, y::T) where {T<:BitInteger} = add_int(x, y)
(-)(x::T, y::T) where {T<:BitInteger} = sub_int(x, y)
(*)(x::T, y::T) where {T<:BitInteger} = mul_int(x, y)
(-)(x::T) where {T<:BitInteger} = neg_int(x)
(+)(x::Number) = x
div(x::T, y::T) where {T<:BitSigned} = sdiv_int(x, y)
rem(x::T, y::T) where {T<:BitSigned} = srem_int(x, y)
div(x::T, y::T) where {T<:BitUnsigned} = udiv_int(x, y)
rem(x::T, y::T) where {T<:BitUnsigned} = urem_int(x, y)
(%)(x::T, y::T) where {T<:BitInteger} = rem(x, y)
(÷)(x, y) = div(x, y)
function mod(x::T, y::T) where {T<:BitInteger}
    r = rem(x, y)
    (r != 0 && ((r < 0) != (y < 0))) ? r + y : r
end
function fld(x::T, y::T) where {T<:BitInteger}
    d = div(x, y)
    (rem(x, y) != 0 && ((x < 0) != (y < 0))) ? d - one(T) : d
end
cld(x::T, y::T) where {T<:BitInteger} = -fld(-x, y)
divrem(x, y) = (div(x, y), rem(x, y))
(==)(x::T, y::T) where {T<:BitInteger} = eq_int(x, y)
(<)(x::T, y::T) where {T<:BitSigned} = slt_int(x, y)
(<=)(x::T, y::T) where {T<:BitSigned} = sle_int(x, y)
(<)(x::T, y::T) where {T<:BitUnsigned} = ult_int(x, y)
(<=)(x::T, y::T) where {T<:BitUnsigned} = ule_int(x, y)
(&)(x::T, y::T) where {T<:BitInteger} = and_int(x, y)
(|)(x::T, y::T) where {T<:BitInteger} = or_int(x, y)
xor(x::T, y::T) where {T<:BitInteger} = xor_int(x, y)
(⊻)(x, y) = xor(x, y)
(~)(x::BitInteger) = not_int(x)
(<<)(x::BitInteger, n::Int) = n >= 0 ? shl_int(x, n) : lshr_int(x, -n)
(>>)(x::BitSigned, n::Int) = n >= 0 ? ashr_int(x, n) : shl_int(x, -n)
(>>)(x::BitUnsigned, n::Int) = n >= 0 ? lshr_int(x, n) : shl_int(x, -n)
(>>>)(x::BitInteger, n::Int) = n >= 0 ? lshr_int(x, n) : shl_int(x, -n)
# a shift count of another integer type (Julia's x >>> 0x01); past ±1024 every shift gives the same result
_shift_count(n::Integer) = n > 1024 ? 1024 : n < -1024 ? -1024 : Int(n)
(<<)(x::BitInteger, n::Integer) = x << _shift_count(n)
(>>)(x::BitInteger, n::Integer) = x >> _shift_count(n)
(>>>)(x::BitInteger, n::Integer) = x >>> _shift_count(n)
count_ones(x::BitInteger) = Int(ctpop_int(x))
leading_zeros(x::BitInteger) = Int(ctlz_int(x))
trailing_zeros(x::BitInteger) = Int(cttz_int(x))
zero(::Type{Int64}) = 0
one(::Type{Int64}) = 1
zero(::Type{T}) where {T<:BitInteger} = trunc_int(T, 0)
one(::Type{T}) where {T<:BitInteger} = trunc_int(T, 1)
zero(x) = zero(typeof(x))
one(x) = one(typeof(x))
zero(::Type{Float64}) = 0.0
one(::Type{Float64}) = 1.0
zero(::Type{Bool}) = false
one(::Type{Bool}) = true
iszero(x) = x == zero(x)
isone(x) = x == one(x)
isodd(x::Integer) = rem(x, 2) != 0
iseven(x::Integer) = rem(x, 2) == 0
abs(x::BitSigned) = x < 0 ? -x : x
abs(x::BitUnsigned) = x
sign(x::Integer) = x > 0 ? one(x) : x < 0 ? -one(x) : zero(x)
typemax(::Type{Int64}) = 9223372036854775807
typemin(::Type{Int64}) = -9223372036854775807 - 1
# the extremes of the other widths by their bit patterns: all ones, shifted right once when signed
typemax(::Type{T}) where {T<:Union{UInt8,UInt16,UInt32,UInt64}} = trunc_int(T, -1)
typemin(::Type{T}) where {T<:Union{UInt8,UInt16,UInt32,UInt64}} = trunc_int(T, 0)
typemax(::Type{T}) where {T<:Union{Int8,Int16,Int32}} = lshr_int(trunc_int(T, -1), 1)
typemin(::Type{T}) where {T<:Union{Int8,Int16,Int32}} = not_int(typemax(T))
typemax(::Type{UInt128}) = sext_int(UInt128, -1)
typemin(::Type{UInt128}) = zext_int(UInt128, 0)
typemax(::Type{Int128}) = lshr_int(sext_int(Int128, -1), 1)
typemin(::Type{Int128}) = not_int(typemax(Int128))
# x % T: the low bits of x as a T (sign- or zero-extended when T is wider)
rem(x::BitSigned, ::Type{T}) where {T<:BitInteger} = sext_int(T, x)
rem(x::BitUnsigned, ::Type{T}) where {T<:BitInteger} = zext_int(T, x)
(%)(x::BitInteger, ::Type{T}) where {T<:BitInteger} = rem(x, T)
count_zeros(x::BitInteger) = count_ones(~x)
leading_ones(x::BitInteger) = leading_zeros(~x)
trailing_ones(x::BitInteger) = trailing_zeros(~x)
# gcd(typemin(T), 0) has no T value: an OverflowError, as Julia's (|typemin| does not fit)
function gcd(a::T, b::T) where {T<:BitInteger}
    x, y = a, b
    while y != 0
        x, y = y, rem(x, y)
    end
    r = abs(x)
    r < 0 && throw(OverflowError(string("gcd(", a, ", ", b, ") overflows")))
    r
end
lcm(a::T, b::T) where {T<:BitInteger} = a == 0 ? a : abs(div(a, gcd(a, b)) * b)
# integers of two types meet in their promoted type
gcd(a::Integer, b::Integer) = typeof(a) === typeof(b) ? throw(MethodError(gcd, (a, b))) : gcd(promote(a, b)...)
lcm(a::Integer, b::Integer) = typeof(a) === typeof(b) ? throw(MethodError(lcm, (a, b))) : lcm(promote(a, b)...)
function (^)(x::T, p::Int) where {T<:BitInteger}
    p < 0 && throw(DomainError(p, "Cannot raise an integer x to a negative power $p.\nConvert input to float."))
    r = one(T)
    while p > 0
        if isodd(p)
            r *= x
        end
        x *= x
        p >>= 1
    end
    r
end
Int64(x::Int64) = x
Int64(x::Bool) = x ? 1 : 0
Int64(x::Float64) = (isinteger(x) && -9.223372036854776e18 <= x < 9.223372036854776e18) ? fptosi(Int64, x) : throw(InexactError(:Int64, Int64, x))
Int64(x::Char) = zext_int(Int64, x)
Int64(x::Union{Int8,Int16,Int32}) = sext_int(Int64, x)
Int64(x::Union{UInt8,UInt16,UInt32}) = zext_int(Int64, x)
# the abstract integer types as constructors (convert(Integer, 2.0) is 2, convert(Unsigned, 1) is 0x01 as UInt64)
Integer(x::Integer) = x
Integer(x::AbstractFloat) = Int64(x)
Signed(x::Signed) = x
Signed(x::Unsigned) = Int64(x)
Unsigned(x::Unsigned) = x
Unsigned(x::Signed) = UInt64(x)
AbstractFloat(x::AbstractFloat) = x
Real(x::Real) = x
AbstractFloat(x::Integer) = Float64(x)
UInt8(x::Int64) = (0 <= x <= 255) ? trunc_int(UInt8, x) : throw(InexactError(:trunc, UInt8, x))
UInt32(x::Int64) = (0 <= x <= 4294967295) ? trunc_int(UInt32, x) : throw(InexactError(:trunc, UInt32, x))
UInt64(x::Int64) = x >= 0 ? bitcast(UInt64, x) : throw(InexactError(:convert, UInt64, x))
Int32(x::Int64) = (-2147483648 <= x <= 2147483647) ? trunc_int(Int32, x) : throw(InexactError(:trunc, Int32, x))
convert(::Type{Int64}, x::Number) = Int64(x)
convert(::Type{Float64}, x::Number) = Float64(x)
convert(::Type{Float32}, x::Number) = Float32(x)
Char(x::Int64) = bitcast(Char, trunc_int(UInt32, x))
Char(x::UInt32) = bitcast(Char, x)
Char(c::Char) = c
Char(x::Union{Int8,Int16,Int32,UInt8,UInt16,UInt64}) = Char(Int64(x))
Char(c::Char) = c
UInt32(c::Char) = bitcast(UInt32, c)
(==)(x::Char, y::Char) = x === y
(<)(x::Char, y::Char) = Int(x) < Int(y)
isless(x::Char, y::Char) = x < y
(<=)(x::Char, y::Char) = Int(x) <= Int(y)
(-)(x::Char, y::Char) = Int(x) - Int(y)
(+)(x::Char, y::Integer) = Char(Int(x) + Int(y))
(-)(x::Char, y::Integer) = Char(Int(x) - Int(y))
(==)(x::Bool, y::Bool) = x === y
isless(x::Bool, y::Bool) = !x & y
(&)(x::Bool, y::Bool) = and_int(x, y)
(|)(x::Bool, y::Bool) = or_int(x, y)
xor(x::Bool, y::Bool) = x != y

length(t::Tuple) = nfields(t)
getindex(t::Tuple, i::Int) = getfield(t, i)
iterate(t::Tuple, i::Int=1) = i > length(t) ? nothing : (getfield(t, i), i + 1)
function factorial(n::Integer)
    n < 0 && throw(DomainError(n, "`n` must not be negative."))
    n > 20 && throw(OverflowError(string(n, " is too large to look up in the table; consider using `factorial(big(", n, "))` instead")))
    f = 1
    for k in 2:n
        f *= k
    end
    f
end
# between integer widths: the same value in T, or InexactError (trunc when T is narrower, convert otherwise)
function (::Type{T})(x::BitInteger) where {T<:BitInteger}
    y = x % T
    (y % typeof(x) == x && (y < zero(T)) == (x < zero(x))) ||
        throw(InexactError(sizeof(T) < sizeof(x) ? :trunc : :convert, T, x))
    y
end
# the type with twice the bits (BigInt past 128), as products of two values are computed without overflow
widen(::Type{Int8}) = Int16
widen(::Type{Int16}) = Int32
widen(::Type{Int32}) = Int64
widen(::Type{Int64}) = Int128
widen(::Type{UInt8}) = UInt16
widen(::Type{UInt16}) = UInt32
widen(::Type{UInt32}) = UInt64
widen(::Type{UInt64}) = UInt128
widen(::Type{Bool}) = Int64
widen(x::Integer) = convert(widen(typeof(x)), x)
widemul(x::Integer, y::Integer) = widen(x) * widen(y)
# |x| as an unsigned value, so that |typemin(T)| is exact
uabs(x::BitSigned) = unsigned(abs(x))
uabs(x::Integer) = abs(x)
unsigned(x::Int8) = x % UInt8
unsigned(x::Int16) = x % UInt16
unsigned(x::Int32) = x % UInt32
unsigned(x::Int64) = x % UInt64
unsigned(x::Int128) = x % UInt128
unsigned(x::BitUnsigned) = x
unsigned(x::Bool) = unsigned(Int(x))
# signed(x): the bits of x as the signed type of its width (x itself if signed), as Julia's reinterpret
signed(x::BitSigned) = x
signed(x::Bool) = Int(x)
signed(x::UInt8) = x % Int8
signed(x::UInt16) = x % Int16
signed(x::UInt32) = x % Int32
signed(x::UInt64) = x % Int64
signed(x::UInt128) = x % Int128
signed(::Type{T}) where {T<:BitSigned} = T
signed(::Type{UInt8}) = Int8
signed(::Type{UInt16}) = Int16
signed(::Type{UInt32}) = Int32
signed(::Type{UInt64}) = Int64
signed(::Type{UInt128}) = Int128
signed(::Type{Bool}) = Int
unsigned(::Type{T}) where {T<:BitUnsigned} = T
unsigned(::Type{Int8}) = UInt8
unsigned(::Type{Int16}) = UInt16
unsigned(::Type{Int32}) = UInt32
unsigned(::Type{Int64}) = UInt64
unsigned(::Type{Int128}) = UInt128
unsigned(::Type{Bool}) = UInt
const BitSigned_types = (Int8, Int16, Int32, Int64, Int128)
const BitUnsigned_types = (UInt8, UInt16, UInt32, UInt64, UInt128)
const BitInteger_types = (BitSigned_types..., BitUnsigned_types...)
const BitIntegerType = Union{Type{Int8},Type{Int16},Type{Int32},Type{Int64},Type{Int128},Type{UInt8},Type{UInt16},
    Type{UInt32},Type{UInt64},Type{UInt128}}
# the C types of ccall signatures, as Julia names them
const Cchar = Int8
const Cuchar = UInt8
const Cshort = Int16
const Cushort = UInt16
const Cint = Int32
const Cuint = UInt32
const Clong = Int64
const Culong = UInt64
const Clonglong = Int64
const Culonglong = UInt64
const Csize_t = UInt
const Cssize_t = Int
const Cwchar_t = Int32
const Cfloat = Float32
const Cdouble = Float64
