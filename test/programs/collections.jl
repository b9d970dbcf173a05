# vectors, tuples, comprehensions, generators, higher-order functions
v = [3, 1, 2]
push!(v, 5)
println(v, " ", length(v))
println(sort(v))
println(v[end], " ", v[end-1])
println([x^2 for x in 1:5])
println([x for x in 1:10 if iseven(x)])
println(sum(i^2 for i in 1:10))
println(map(x -> 2x, [1, 2, 3]))
println(filter(isodd, [1, 2, 3, 4, 5]))
println(reduce(+, [1, 2, 3]; init=10))
println(maximum([4, 9, 2]), " ", minimum([4, 9, 2]))
t = (1, 2.5, "x")
println(t, " ", t[2])
a, b = 1, 2
a, b = b, a
println(a, " ", b)
println(collect(1:2:9))
println(any(x -> x > 3, [1, 5]), " ", all(x -> x > 3, [1, 5]))
println(count(iseven, 1:10))
for (i, x) in enumerate(["a", "b"])
    println(i, " ", x)
end
