include("harness.jl")

fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)

const N = benchsize(32)
bench("fib", () -> fib(N))
