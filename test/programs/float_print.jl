# Float64 printing boundaries, special values, rounding and float division
println(100000.0, " ", 1.0e6, " ", 999999.0, " ", 1.0e15, " ", 1.0e16)
println(0.0001, " ", 1.0e-5, " ", 0.00012, " ", 1.2e-5)
println(0.1 + 0.2, " ", 1.1 * 1.1, " ", 0.3 - 0.1, " ", 1.0 - 0.9)
println(-0.0, " ", 0.0 == -0.0, " ", -0.0 === 0.0, " ", 1 / -0.0)
println(Inf, " ", -Inf, " ", NaN, " ", Inf - Inf, " ", Inf > 1.0e308)
println(NaN == NaN, " ", isequal(NaN, NaN), " ", NaN < 1.0, " ", isnan(NaN), " ", isinf(-Inf))
println(round(3.14159, digits=2), " ", round(2.5, digits=0), " ", round(-1.005, digits=1), " ", round(1234.5678, digits=-2))
println(round(0.5), " ", round(1.5), " ", round(-0.5), " ", round(-2.5))
println(floor(Int, 3.7), " ", ceil(Int, 3.2), " ", trunc(Int, -3.7), " ", round(Int, -3.5))
println(floor(-3.5), " ", ceil(-3.5), " ", trunc(3.99), " ", typeof(floor(2.5)))
println(div(7.5, 2.0), " ", rem(7.5, 2.0), " ", mod(-7.5, 2.0), " ", rem(-7.5, 2.0))
println(fld(-7.5, 2.0), " ", cld(7.5, 2.0), " ", 7.5 % 2.0, " ", mod(7.0, -2.0))
println(string(1.5), " ", string(-2.0), " ", string(1.0e20), " ", repr(0.1))
println(1.0e100, " ", 1.5e-300, " ", 2.0^53, " ", 2.0^-10)
println(12345.678, " ", 123456.789, " ", 0.1 * 0.1, " ", 1 / 7)
println(float(3), " ", Float64(7), " ", 3 / 2, " ", 4 / 2, " ", 2 * 0.5)
println(5.0e-324, " ", 1.7976931348623157e308, " ", 2.0^-1074 == 5.0e-324, " ", 1.0e308 * 10)
println(isinteger(3.0), " ", isinteger(3.5), " ", Int(4.0), " ", sign(-2.5), " ", abs(-0.0))
println(sqrt(16.0), " ", 10.0^2, " ", 2.5^2, " ", exp(0.0), " ", log(1.0))
println(max(1.0, NaN), " ", min(-0.0, 0.0), " ", maximum([1.5, 2.5, -3.0]), " ", sum([0.1, 0.2, 0.3]))
println(3.0 == 3, " ", 0.5 < 1, " ", 1.0e6 == 1000000, " ", typeof(1 + 2.0))
x = 2.5
println("x = $x, 2x = $(2x), x/0 = $(x / 0)")
try
    Int(2.5)
catch e
    println(e)
end
try
    floor(Int, Inf)
catch e
    println(typeof(e))
end
