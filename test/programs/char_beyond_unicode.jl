# a Char beyond U+10FFFF (reinterpret, Char(::UInt32)) is malformed: the Unicode predicates answer, without failing
for u in (0x80000000, 0xffffffff, 0x00110000)
    c = reinterpret(Char, u)
    println(textwidth(c), " ", islowercase(c), " ", isuppercase(c), " ", isletter(c), " ", isspace(c))
    println(uppercase(c) === c, " ", lowercase(c) === c)
end
println(textwidth('a'), " ", uppercase('a'), " ", islowercase('a'))
