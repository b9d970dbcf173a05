# UTF-8 strings and Chars: code units vs characters, indices, classification
s = "añb€z😀"
println(length(s), " ", ncodeunits(s), " ", sizeof(s), " ", lastindex(s))
for c in s
    print(c, ":", ncodeunits(string(c)), " ")
end
println()
println(collect(s))
println(collect(eachindex(s)))
println(nextind(s, 1), " ", nextind(s, 2), " ", nextind(s, 4), " ", prevind(s, 7), " ", prevind(s, lastindex(s)))
println(s[1], " ", s[2], " ", s[4], " ", s[5], " ", s[8], " ", s[9])
println(isvalid(s, 2), " ", isvalid(s, 3), " ", thisind(s, 3), " ", thisind(s, 6))
try
    s[3]
catch e
    println(typeof(e))
end
println(Char(0x41), " ", Char(97), " ", Int('a'), " ", Int('€'), " ", UInt32('z'))
println('a' + 1, " ", 'z' - 1, " ", 'c' - 'a', " ", 'A' < 'a', " ", typeof('a' + 1))
println(repr('a'), " ", repr('\n'), " ", repr('€'), " ", string('x'), " ", 'x' * "yz")
println(isletter('ñ'), " ", isletter('1'), " ", isdigit('9'), " ", isdigit('x'), " ", isspace(' '), " ", isspace('\n'))
println(isuppercase('A'), " ", islowercase('A'), " ", uppercase('ñ'), " ", lowercase('Q'), " ", uppercase("añb"))
println(ispunct('!'), " ", ispunct('a'), " ", isascii('a'), " ", isascii('ñ'), " ", isxdigit('f'), " ", isxdigit('g'))
println(codeunit(s, 1), " ", codeunit(s, 2), " ", codeunit(s, 3), " ", typeof(codeunit(s, 1)))
println([codeunit("añ", i) for i in 1:3], " ", sum(codeunit(s, i) >= 0x80 for i in 1:ncodeunits(s)))
println(reverse(s), " ", length(reverse(s)))
println(s[1:2], " ", s[4:4], " ", first(s, 3), " ", last(s, 2))
println(findfirst('€', s), " ", findfirst(==('z'), s), " ", findlast('a', "banana"))
println(join(['a', 'b', 'c']), " ", String(['h', 'é']), " ", string('a', 'b'))
println(map(uppercase, "hello"), " ", count(c -> c == 'a', "banana"), " ", 'b' in "abc")
println([c for c in "añ€" if !isascii(c)], " ", ncodeunits('😀'))
println(Char(0x1F600), " ", Int(Char(0x1F600)), " ", length("😀😀"), " ", ncodeunits("😀😀"))
