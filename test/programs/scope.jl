# scoping: locals, globals, let, closures capturing loop variables
x = 10
function f()
    x = 1      # local
    return x
end
println(f(), " ", x)
function g()
    global x = 20
end
g()
println(x)
y = let a = 2, b = 3
    a * b
end
println(y)
fs = []
for i in 1:3
    push!(fs, () -> i * 10)
end
println([h() for h in fs])
function acc()
    total = 0
    add(v) = (total += v)
    add(5)
    add(7)
    total
end
println(acc())
z = begin
    p = 3
    p^2
end
println(z)
