println(gcd(Int8(-12)), " ", gcd(2, 4, 6), " ", gcd(Int8[4, 6]), " ", lcm(2, 3, 4), " ", gcd(0, 0))
try
    gcd(typemin(Int8), Int8(0))
catch e
    println(e)
end
println(gcdx(5, 12), " ", gcdx(Int8(4), Int8(6)), " ", gcdx(-4, 6))
println(invmod(3, 7), " ", invmod(2, -5), " ", powermod(2, 10, 1000), " ", powermod(3, -1, 7), " ", powermod(5, 0, 1))
println(prevpow(2, 1000), " ", prevpow(10, 99), " ", string(255; base = Int32(16), pad = Int32(4)))
try
    invmod(2, 4)
catch e
    println(e)
end
println(invmod(UInt8(3), UInt8(7)), " ", invmod(typemin(Int8), Int8(-1)), " ", invmod(0x05, 0x0b))
