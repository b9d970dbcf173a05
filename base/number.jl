# number.jl
# the multiplicative inverse: a float for an integer, exact for a Rational
inv(x::Number) = one(x) / x
