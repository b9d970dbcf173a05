# map and filter over tuples give tuples, over NamedTuples a NamedTuple with the same names
println(map(x -> x + 1, (1, 2)), " ", filter(isodd, (1, 2, 3)), " ", map(string, ()), " ", filter(isodd, ()))
println(map(x -> x * 2, (a = 1, b = 2)))
println(map(+, (1, 2), (3, 4)), " ", map(+, [1, 2], [3, 4]))
println(typeof(map(x -> x / 2, (1, 2))))
