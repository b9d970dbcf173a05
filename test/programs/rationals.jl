# Rational{T}: construction in lowest terms, arithmetic with overflow checks, comparison, conversion, promotion,
# rounding, hashing and printing
x = 3 // 6
println(x, " ", typeof(x))
println(2 // -4, " ", -6 // -9, " ", 0 // 5, " ", 1 // 0, " ", -1 // 0)
println(numerator(6 // 8), " ", denominator(6 // 8), " ", numerator(5), " ", denominator(5))
try
    0 // 0
catch e
    showerror(stdout, e)
    println()
end

# arithmetic
println(1//2 + 1//3, " ", 1//2 - 1//3, " ", 2//3 * 3//4, " ", (1//2) / (1//4))
println(1//2 + 1, " ", 1 - 1//2, " ", 3 * (1//6), " ", (1//2) / 2, " ", 2 / (1//2))
println(1//2 + 0.5, " ", (1//2) * 1.5, " ", typeof(1//2 + 0.5))
println((2//3)^2, " ", (2//3)^-2, " ", (-1//2)^3, " ", (1//2)^0)
println(inv(-3//4), " ", abs(-3//4), " ", sign(-3//4), " ", sign(0//1), " ", -(1//2))
println(mod(7//2, 1), " ", rem(-7//2, 2), " ", div(7//2, 1//3), " ", fld(-7//2, 1), " ", cld(7//2, 1))
println(1//2 + 1//3 + 1//6, " ", sum([1//2, 1//3, 1//6]), " ", 2^(1//2))
println(2^-1, " ", 2^-2, " ", 3^2)

# overflow is an error, never a wrapped value
try
    (typemax(Int) // 1) * 2
catch e
    showerror(stdout, e)
    println()
end
try
    1 // typemax(Int) - 1 // (typemax(Int) - 1)
catch e
    println(typeof(e))
end

# comparison
println(1//3 < 1//2, " ", 1//2 == 2//4, " ", 2 > 3//2, " ", 3//1 == 3, " ", 1//2 != 1)
println(1//2 == 0.5, " ", 1//3 == 1/3, " ", 1//2 < 0.6, " ", 0.25 <= 1//4, " ", 1//0 == Inf, " ", -1//0 < -1e308)
println(max(1//2, 2//3), " ", min(1//2, 1), " ", sort([1//2, 1//3, 3//4, -1//5]))

# conversion and promotion
println(float(1//3), " ", Float64(3//4), " ", Int(4//2), " ", convert(Rational{Int64}, 3), " ", Rational(3))
try
    Int(3//2)
catch e
    println(e)
end
println(Rational(0.75), " ", Rational(0.1), " ", rationalize(5.6))
println(promote_type(Rational{Int64}, Int64), " ", promote_type(Rational{Int8}, Int64), " ", promote_type(Rational{Int64}, Float64))
println(typeof(Int8(1) // Int8(2)), " ", Int8(1) // Int8(2) + 1, " ", typeof(Int8(1) // Int8(2) + 1))
println(big(1) // 3, " ", typeof(big(1) // 3), " ", big(2)^70 // big(2)^69)

# rounding gives a Rational unless a type is asked for
println(round(7//2), " ", round(5//2), " ", floor(-7//2), " ", ceil(7//3), " ", trunc(-7//2))
println(round(Int, 7//2), " ", floor(Int, 7//2), " ", ceil(Int, -7//2), " ", trunc(Int, 7//2))

# equal values hash alike
println(hash(2//1) == hash(2), " ", hash(1//2) == hash(0.5), " ", hash(1//3) == hash(2//6))
d = Dict(1//2 => "half", 2 => "two")
println(d[2//4], " ", d[4//2])

# printing
println(string(3//4), " ", repr(-3//4), " ", [1//2, 3//4], " ", [1//1, 1//2], " ", (1//1, 2//3))
println(Rational{Int64}[1//2, 3//4])
show(stdout, 5//1)
println()
# complex rationals
println((1 + 2im) // (3 + 4im), " ", (1//2) * im, " ", Complex(true, true))
