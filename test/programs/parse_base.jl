# parsing numbers from strings and formatting integers in other bases
println(parse(Int, "42"), " ", parse(Int, "-17"), " ", parse(Int, "+8"), " ", parse(Int, "  12  "), " ", typeof(parse(Int, "1")))
println(parse(Float64, "3.25"), " ", parse(Float64, "-1e3"), " ", parse(Float64, "2"), " ", parse(Float64, ".5"), " ", parse(Float64, "1.5e-3"))
println(parse(Float64, "Inf"), " ", parse(Float64, "-inf"), " ", isnan(parse(Float64, "NaN")))
println(parse(Int, "ff", base=16), " ", parse(Int, "FF", base=16), " ", parse(Int, "101", base=2), " ", parse(Int, "777", base=8), " ", parse(Int, "z", base=36))
println(parse(UInt8, "200"), " ", typeof(parse(UInt8, "200")), " ", parse(Int8, "-5"), " ", parse(Int32, "12"))
println(tryparse(Int, "12"), " ", tryparse(Int, "12x"), " ", tryparse(Float64, "abc"), " ", tryparse(Int, ""), " ", tryparse(Float64, "0.5"))
println(tryparse(Int, "1.5") === nothing, " ", tryparse(Int, "12 3"), " ", tryparse(Int, "-0"))
for s in ["7", "seven", "-0"]
    n = tryparse(Int, s)
    println(s, " => ", n === nothing ? "invalid" : n * 2)
end
try
    parse(Int, "abc")
catch e
    println(typeof(e))
end
println(string(255, base=16), " ", string(255, base=2), " ", string(-255, base=16), " ", string(35, base=36), " ", string(8, base=8))
println(string(5, base=2, pad=8), " ", string(42, pad=6), " ", string(-3, pad=3), " ", string(0, base=2), " ", string(10, pad=1))
println(digits(1234), " ", digits(0), " ", digits(255, base=16), " ", digits(6, base=2))
println(ndigits(12345), " ", ndigits(0), " ", ndigits(255, base=16), " ", ndigits(-100))
println(sum(digits(9875)), " ", reverse(digits(123)), " ", join(reverse(digits(5, base=2))))
println(string(0x1f, base=10), " ", repr(0x1f), " ", string(0x1f), " ", parse(UInt8, "1f", base=16) == 0x1f)
println(parse(Int, string(12345, base=7), base=7), " ", [parse(Int, c) for c in "2024"], " ", parse(Int, '7'))
println(Int('7' - '0'), " ", string(3.0), " ", string(-0.25), " ", parse(Float64, string(0.1)) == 0.1, " ", string(1e-7))
println(uppercase(string(48879, base=16)), " ", string(UInt8(7), base=2, pad=4), " ", string(64, base=8))
