# higher-order functions: map/filter/reduce families, predicates, search, composition
xs = [3, 8, 1, 6, 5]
println(map(x -> x * 10, xs), " ", map(+, [1, 2, 3], [10, 20, 30]), " ", map(string, 1:3))
println(filter(x -> x > 4, xs), " ", filter(isodd, 1:9), " ", filter(c -> c != 'a', "banana"))
println(reduce(+, xs), " ", reduce(*, 1:5), " ", reduce(max, xs), " ", reduce(-, [10, 3, 2]))
println(foldl(-, [10, 3, 2]), " ", foldr(-, [10, 3, 2]), " ", foldl((acc, x) -> acc * 10 + x, [1, 2, 3]; init=0))
println(foldr((x, acc) -> string(x, acc), ["a", "b", "c"]; init="!"), " ", reduce(vcat, [[1], [2, 3]]))
println(mapreduce(x -> x^2, +, 1:4), " ", mapreduce(abs, max, [-7, 3, 5]), " ", mapreduce(x -> x, *, Int[]; init=1))
println(sum(abs, [-1, 2, -3]), " ", prod(x -> x + 1, [1, 2, 3]))
println(any(iseven, xs), " ", all(iseven, xs), " ", any(x -> x > 100, xs), " ", all(x -> x > 0, xs), " ", all(isodd, Int[]), " ", any(isodd, Int[]))
println(any([false, true]), " ", all([true, true]), " ", count(x -> x > 3, xs), " ", count([true, false, true]))
println(findfirst(iseven, xs), " ", findlast(isodd, xs), " ", findall(x -> x > 4, xs), " ", findfirst(x -> x > 100, xs))
println(findfirst(==(6), xs), " ", findall(iseven, [2, 3, 4]), " ", findnext(isodd, xs, 2))
f = x -> x + 1
g = x -> 2x
println((f ∘ g)(5), " ", (g ∘ f)(5), " ", (string ∘ f ∘ g)(1), " ", map(uppercase ∘ string, ['a', 'b']))
println(map((x, y) -> x * y, 1:3, 4:6), " ", [x + y for (x, y) in zip(1:3, 10:10:30)])
adder(n) = x -> x + n
add5 = adder(5)
println(add5(1), " ", map(adder(100), [1, 2]), " ", (x -> x^2)(7), " ", ((a, b) -> a - b)(9, 4))
apply_twice(h, x) = h(h(x))
println(apply_twice(x -> x * 3, 2), " ", apply_twice(reverse, "abc"), " ", apply_twice(sqrt, 16.0))
println(map(x -> (x, x^2), 1:3), " ", filter(p -> p[2] > 2, collect(zip(1:4, [5, 1, 3, 0]))))
println(sum(x -> x^2, 1:3), " ", maximum(x -> -x, xs), " ", minimum(length, ["aaa", "b", "cc"]))
compose_all(fs...) = reduce(∘, fs)
println(compose_all(x -> x + 1, x -> x * 2, x -> x - 3)(10))
r = map(1:4) do i
    i * i
end
println(r, " ", identity(7), " ", filter(!iseven, 1:6))
println(foreach(println, ["p", "q"]))
