# comprehensions and generator expressions
println([(i, j) for i in 1:3 for j in i:3])
println([(i, j) for i in 1:4 for j in 1:4 if i + j == 5])
println([[j for j in 1:i] for i in 1:3])
m = [i + 10j for i in 1:2, j in 1:3]
println(m, " ", size(m))
println(Float64[x / 2 for x in 1:3], " ", [x for x in 1:0], " ", String[])
d = Dict(k => k^2 for k in 1:4 if k != 2)
println(sort(collect(d)), " ", length(d))
s = Set(x % 3 for x in 1:10)
println(sort(collect(s)))
words = ["apple", "fig", "banana"]
println(maximum(length(w) for w in words), " ", minimum(x^2 - 4x for x in 1:5))
println(any(x > 4 for x in 1:5), " ", all(iseven(x) for x in 2:2:8), " ", count(c == 'a' for c in "banana"))
println(collect(x for x in 1:3), " ", first(x for x in 10:20 if x % 7 == 0))
println(join([uppercase(c) for c in "abc"]), " ", join(string(i) for i in 1:4))
println(sum(i * j for i in 1:3, j in 1:3), " ", sum(1 / 2^k for k in 0:3))
k = 3
println([x * k for x in 1:3], " ", k)
println([(w, length(w)) for w in words if length(w) > 3])
println([v for (k, v) in sort(collect(d))], " ", [string(k, "=", v) for (k, v) in sort(collect(d))])
println([isodd(x) ? -x : x for x in 1:6])
println([i for i in 1:20 if i % 3 == 0 && i % 2 == 0])
nums = [3, 8, 1]
println([n > 2 for n in nums], " ", typeof([n > 2 for n in nums]))
println([a => b for (a, b) in zip("xy", 1:2)])
