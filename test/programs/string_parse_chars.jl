# parsing every integer type, Float32, string escapes of non-printing characters, repeat's errors, Char as a
# 0-dimensional collection
println(parse(UInt64, "18446744073709551615"), " ", parse(Int128, "-170141183460469231731687303715884105728"), " ", parse(UInt128, "ff"; base=16))
println(tryparse(UInt8, "256"), " ", tryparse(Int8, "-128"), " ", parse(Int16, " 12 "), " ", typeof(parse(UInt32, "7")), " ", parse(Float32, "1\n"), " ", tryparse(Float32, "x"))
for (T, s) in ((UInt8, "300"), (Int8, "x"))
    try
        parse(T, s)
    catch e
        println(typeof(e))
    end
end
println(parse(Int, SubString("x15", 2)), " ", parse(Float64, split("0,2.5", ",")[2]))
println(repr('\U10f321'), " ", repr("a\u00adb\u200bx"), " ", repr('\u80'), " ", repr("héllo 🍕\n"), " ", isprint('\u00ad'), isprint('é'))
for (s, n) in (("x", -1), ('x', -2))
    try
        repeat(s, n)
    catch e
        println(sprint(showerror, e))
    end
end
println(repeat("ab", UInt(2)), " ", repeat('é', 3), " ", "x"^0 == "")
try
    Symbol("a\0b")
catch e
    println(sprint(showerror, e))
end
c = 'q'
println(size(c), " ", size(c, 1), " ", ndims(c), " ", length(c), " ", c[1], " ", c[], " ", first(c), last(c), " ", 1 + 'a', " ", Integer('A'), " ", convert(Signed, 'A'))
println(repr("text/plain", '\n'))
u = transcode(UInt16, "a𒃵é")
println(u, " ", transcode(String, u), " ", transcode(UInt32, "aé"), " ", transcode(String, UInt8[0x68, 0xc3, 0xa9]), " ", Csize_t, " ", Cint)
