# a division whose result is unused still throws when its divisor is zero (or -1 with typemin), at every width
function quotient_unused(x::Int32)
    y = div(x, Int32(0))
    return 1
end
function remainder_unused(x::UInt16)
    r = rem(x, UInt16(0))
    return 2
end
function overflow_unused(x::Int8)
    q = div(x, Int8(-1))
    return 3
end
for (f, x) in ((quotient_unused, Int32(3)), (remainder_unused, UInt16(5)), (overflow_unused, typemin(Int8)),
               (overflow_unused, Int8(4)))
    try
        println(f(x))
    catch e
        println("caught ", typeof(e))
    end
end
