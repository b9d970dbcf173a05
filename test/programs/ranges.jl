# ranges and iteration helpers
r = 1:5
println(r, " ", length(r), " ", first(r), " ", last(r), " ", sum(r))
println(collect(10:-3:1), " ", collect(reverse(1:4)))
println(3 in r, " ", 7 in r, " ", isempty(5:4), " ", length(5:4))
for (i, c) in enumerate("abc")
    print(i, c, " ")
end
println()
for (a, b) in zip([1, 2, 3], ["x", "y", "z"])
    print(a, b, " ")
end
println()
println([i * j for i in 1:3 for j in 1:2])
println(sum(x for x in 1:100 if x % 3 == 0))
println(maximum(length, ["a", "abc", "ab"]), " ", minimum(x -> x^2, -3:2))
println(foldl((acc, x) -> acc * 10 + x, [1, 2, 3]; init=0))
