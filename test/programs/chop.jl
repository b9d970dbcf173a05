# chop removes characters from both ends
a = "March"
println(repr(chop(a)), " ", repr(chop(a, head = 1, tail = 2)), " ", repr(chop(a, head = 5, tail = 5)))
println(chop("δελτα"), " ", chop("δελτα", head = 2, tail = 0), " ", repr(chop("")))
println(parse(Int, chop("11M")), " ", parse(Int, chop("Q3", head = 1, tail = 0)))
