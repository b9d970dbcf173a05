# functions: short and long forms, defaults, keywords, varargs, closures, recursion
f(x) = x + 1
function g(x, y=10; scale=2)
    return (x + y) * scale
end
h(xs...) = length(xs)
fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
println(f(1))
println(g(1), " ", g(1, 2), " ", g(1; scale=3), " ", g(1, 2, scale=1))
println(h(), " ", h(1, 2, 3))
println(fib(15))
function counter()
    n = 0
    inc() = (n += 1)
    inc()
    inc()
    return n
end
println(counter())
adders = [x -> x + i for i in 1:3]
println(map(a -> a(10), adders))
sq = x -> x^2
println(sum(sq, 1:4))
args = (1, 2, 3)
println(h(args...))
