# integer widths, wrapping, conversions and bit operations
x = typemax(Int64)
println(x + 1 == typemin(Int64))
println(UInt8(255) + UInt8(1))
println(Int8(100) + Int8(100))
println(0xff, " ", typeof(0xff), " ", 0x1234, " ", typeof(0x1234))
println(5 & 3, " ", 5 | 3, " ", xor(5, 3), " ", ~0, " ", 1 << 10, " ", -16 >> 2, " ", -16 >>> 60)
println(div(-7, 2), " ", fld(-7, 2), " ", rem(-7, 2), " ", mod(-7, 2), " ", cld(7, 2))
println(gcd(12, 18), " ", lcm(4, 6), " ", abs(-5), " ", sign(-3))
println(count_ones(255), " ", trailing_zeros(8), " ", leading_zeros(1))
println(string(255, base=2), " ", string(7, pad=3), " ", parse(Int, "ff", base=16))
try
    Int8(200)
catch e
    println(e)
end
println(isodd(7), " ", iseven(7), " ", 2^62, " ", 10 % 3)
