# SubString and the AbstractString interface: views, indices, comparison, hashing; Test.GenericString
using Test
s = "héllo wörld"
v = SubString(s, 2, 6)
println(repr(v), " ", typeof(v), " ", length(v), " ", ncodeunits(v), " ", v == "éllo", " ", hash(v) == hash("éllo"))
println(collect(eachindex(v)), " ", v[1], " ", v[3], " ", parent(v) === s, " ", parentindices(v))
println(SubString(v, 3, 4), " ", typeof(SubString(v, 3)), " ", @view(s[8:end]), " ", typeof(@view s[1:2]))
println(nextind(s, 0, 3), " ", prevind(s, 13, 2), " ", thisind(s, 3), " ", length(s, 2, 8), " ", get(s, 100, '?'))
try
    s[1:3]
catch e
    println(sprint(showerror, e))
end
try
    s[0:3]
catch e
    println(typeof(e))
end
g = GenericString("αβγ")
println(g, " ", length(g), " ", g[3], " ", g[1:3], " ", typeof(g[1:3]), " ", lastindex(g), " ", g == "αβγ", " ", cmp(g, "αβδ"))
println(sprint(summary, "foα"), " ", isascii(SubString("abc", 1, 2)), " ", ascii("ok"))
# searching, stripping and splitting give SubStrings of the parent
println(split("a b  c"), " ", split("a,b,,c", ','; keepempty=false), " ", split("a.b.c", "."; limit=2), " ", rsplit("a.b.c", '.'; limit=2))
println(collect(eachsplit("x-y-z", '-')), " ", collect(eachrsplit("x-y-z", '-')), " ", split("abcd", r"b?c?"))
println(repr(strip(" \u2009 hi \u2009 ")), " ", typeof(strip(" a ")), " ", lstrip("xxhix", 'x'), " ", strip("foobarfoo", ['f', 'o']), " ", rstrip(isdigit, "ab12"))
println(findfirst("lo", "hello"), " ", findlast('l', "hello"), " ", findnext(r"l+", "hello", 1), " ", findall("o", "foo boo"), " ", findall(==('读'), "联国读大读"))
println(findprev("fo", "foo,bar", 1) === nothing, " ", findprev(==('æ'), "æøå", 4), " ", findlast("", ""), " ", occursin("ll", SubString("hello", 2)))
println(replace("foobarbaz", "oo" => "zz", "ar" => "zz", "z" => "m"), " ", replace("", "" => "x"), " ", replace("abc", "" => "-"), " ", replace("aaa", "a" => "b"; count=2))
println(replace("foo", "oo" => uppercase), " ", replace("a1b22", r"\d+" => s"<\0>"), " ", replace("abcabc", "a" => "b", "b" => "c", r".+" => "a"))
println(chop("hello"), " ", chop("hello"; head=1, tail=2), " ", chomp("hi\r\n"), " ", chopprefix("foobar", "foo"), " ", chopsuffix("foobar", r"b.r"))
println(lpad("xx", UInt(1), " "), "|", lpad("αβ", 5, "¹₂³"), "|", rpad("ab", 4, '*'), "|", ltruncate("I love pizza", 8), "|", rtruncate("I love pizza", 8))
println(first("héllo", 2), " ", last("héllo", 3), " ", collect(Iterators.partition("foobars", 3)), " ", startswith("abc", 'a'), endswith("abc", "bc"))
