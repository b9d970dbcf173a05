println(isqrt(typemax(Int64)))
println(isqrt(0), " ", isqrt(1), " ", isqrt(15), " ", isqrt(16), " ", isqrt(17))
println(isqrt(3037000499^2), " ", isqrt(3037000499^2 - 1))
