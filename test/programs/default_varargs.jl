# a default argument before a vararg: the shorter methods pass no value for the vararg, which is empty
f(a=1, rest...) = (a, rest)
println(f(), " ", f(2), " ", f(2, 3, 4))
g(a, b=2, c...) = (a, b, c)
println(g(1), " ", g(1, 5), " ", g(1, 5, 6))
