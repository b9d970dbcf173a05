# BigInt: integers of any size, mixed with the machine integers by promotion
println(big(2)^100)
println(typemax(Int) + big(1), " ", typemin(Int) - big(1))
println(typeof(big(2) * 3), " ", typeof(3 + big(2)), " ", typeof(big(7)), " ", BigInt <: Signed)
println(factorial(big(30)))
println(BigInt(10)^30, " ", -big(2)^63, " ", big(10)^20 * big(10)^20)
println(parse(BigInt, "123456789012345678901234567890") * 2)
println(parse(BigInt, "-ff", base = 16), " ", parse(BigInt, "  +42  "), " ", tryparse(BigInt, "4x2") === nothing)
try
    parse(BigInt, "12a")
catch e
    println(e)
end

# division, remainders and the other integer functions
n = big(10)^20
println(n ÷ 7, " ", rem(n, 7), " ", n % 7, " ", mod(-big(10), 3), " ", div(-big(7), 2), " ", fld(-big(7), 2), " ", cld(big(7), 2))
println(gcd(big(12), 18), " ", lcm(big(4), 6), " ", abs(big(-5)), " ", sign(big(-5)), " ", isodd(big(7)), " ", iseven(big(7)))
println(big(5) & 3, " ", big(5) | 3, " ", xor(big(5), 3), " ", big(1) << 70, " ", (big(1) << 70) >> 68, " ", -big(7) >> 1)
try
    big(1) ÷ 0
catch e
    println(e)
end

# comparison with machine integers and floats
println(big(3) < 5, " ", 5 > big(3), " ", big(3) == 3, " ", 3 == big(3), " ", big(2)^64 > typemax(UInt64), " ", big(2) < 2.5, " ", big(3) == 3.0)
println(max(big(3), big(10)), " ", sort([big(3), big(-1), big(2)^65]))

# conversion
println(Int(big(42)), " ", typeof(Int(big(42))), " ", BigInt(2.0), " ", Float64(big(2)^70), " ", UInt8(big(255)))
for v in (big(2)^64, -big(1))
    try
        println(UInt64(v))
    catch e
        println(e)
    end
end
try
    Int(big(2)^63)
catch e
    println(e)
end
try
    BigInt(2.5)
catch e
    println(e)
end
try
    factorial(big(-1))
catch e
    println(e)
end

# printing, strings, hashing
println(string(big(255), base = 16), " ", string(big(-42)), " ", repr(big(7)), " ", [big(1), big(2)])
show(stdout, big(10)^25)
println()
println(hash(big(7)) == hash(7), " ", Dict(big(1) => "one")[1], " ", sum([big(2)^64, big(2)^64]))
println(big"123456789012345678901234567890" + 1)
