# Redefining a method replaces it everywhere: callers already compiled (even with the callee inlined into them)
# are invalidated and compiled again.
sq(x) = x * x
user(x) = sq(x) + 1
function many(n)
    s = 0
    for i in 1:n
        s += user(i)
    end
    s
end
println(many(10))
println(user(3))
sq(x) = x * x * x
println(user(3))
println(many(10))
add(a, b) = a + b
twice(x) = add(x, x)
println(twice(2), " ", twice(2.5))
add(a::Int, b::Int) = a - b
println(twice(2), " ", twice(2.5))
