# deep recursion, mutual recursion and memoization with a Dict
depth(n) = n == 0 ? 0 : 1 + depth(n - 1)
println(depth(5000))
iseven_r(n) = n == 0 ? true : isodd_r(n - 1)
isodd_r(n) = n == 0 ? false : iseven_r(n - 1)
println(iseven_r(1000), " ", isodd_r(7))
const memo = Dict{Int,Int}()
function fibm(n)
    n <= 2 && return 1
    haskey(memo, n) && return memo[n]
    memo[n] = fibm(n - 1) + fibm(n - 2)
end
println(fibm(90))
ackermann(m, n) = m == 0 ? n + 1 : n == 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1))
println(ackermann(2, 3))
