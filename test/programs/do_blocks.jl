# do blocks and functions passed as arguments
squares = map([1, 2, 3]) do x
    x^2
end
println(squares)
sums = map([1, 2], [10, 20]) do a, b
    a + b
end
println(sums)
function with_logging(f, label)
    println("start ", label)
    r = f()
    println("end ", label)
    r
end
res = with_logging("job") do
    println("working")
    42
end
println(res)
apply_twice(f, x) = f(f(x))
println(apply_twice(x -> x * 3, 2))
r2 = apply_twice(5) do y
    y + 10
end
println(r2)
println(sum(x -> x^2, [1, 2, 3]), " ", mapreduce(x -> 2x, +, 1:4), " ", maximum(abs, [-7, 3]))
foreach(x -> print(x, " "), [1, 2, 3]); println()
foreach([1, 2], ["a", "b"]) do n, s
    println(n, s)
end
evens = filter(1:10) do x
    x % 2 == 0
end
println(evens)
prods = map([(1, 2), (3, 4)]) do (a, b)
    a * b
end
println(prods)
n3 = count(1:10) do x
    x % 3 == 0
end
println(n3, " ", any([1, 2, 3]) do x; x > 2 end)
function scaled(v, k)
    map(v) do x
        x * k
    end
end
println(scaled([1, 2], 10))
clipped = map(1:5) do i
    i > 3 && return 0
    i
end
println(clipped)
function guarded(f)
    try
        f(1)
    finally
        println("cleanup")
    end
end
println(guarded() do v
    v + 100
end)
println(sort(["ccc", "a", "bb"], by=length), " ", sort([3, 1, 2], lt=(a, b) -> a > b))
compose_all(fs...) = x -> foldl((acc, f) -> f(acc), fs; init=x)
println(compose_all(x -> x + 1, x -> x * 2, string)(4))
