# number.jl
# the multiplicative inverse: a float for an integer, exact for a Rational
inv(x::Number) = one(x) / x
# the multiplicative identity in the type of x itself (one(x) is unitless): the same for plain numbers
oneunit(x::T) where {T<:Number} = convert(T, one(x))
oneunit(::Type{T}) where {T<:Number} = convert(T, one(T))
# modulus and floored division offset to 1: mod1(x, y) is in 1:y, as an index into a cycle
mod1(x::Real, y::Real) = (m = mod(x, y); m == 0 ? y + zero(m) : m)
fld1(x::Real, y::Real) = fld(x - mod1(x, y), y) + 1
# |x| of any real through its sign bit (a program's own Real type needs only < and unary minus)
signbit(x::Real) = x < 0
abs(x::Real) = signbit(x) ? -x : x
