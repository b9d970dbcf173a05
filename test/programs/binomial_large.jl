# binomial(n, k) multiplies min(k, n - k) factors (it counted k of them: binomial(x, x - 2) for x near 3e9 ran for
# minutes), in the promoted type, with Julia's sign rule for a negative n and an OverflowError past the type
println(binomial(5, 3), " ", binomial(-5, 3), " ", binomial(-5, 1), " ", binomial(5, 7), " ", binomial(5, -1))
println(binomial(3037000499, 3037000497), " ", binomial(3037000499, 3037000498))
println(binomial(Int8(10), Int8(8)), " ", typeof(binomial(Int8(10), Int8(8))), " ", binomial(Int64(5), Int8(2)) === Int64(10))
println(binomial(false, false), " ", binomial(false, true), " ", binomial(true, false), " ", binomial(true, true))
println(binomial(10.0, 3), " ", binomial(10 // 1, 3), " ", binomial(2.5, 0), " ", binomial(2.5, -1), " ",
        binomial(2.5, 3) ≈ 5 // 16, " ", binomial(35.0, 30) ≈ binomial(35, 30))
try
    binomial(100, 50)
catch e
    println(e)
end
let n = 0
    for x in Int32(40000):Int32(40100)
        n += binomial(x, x - Int32(2)) == div(x * (x - 1), 2)
    end
    println(n)
end
