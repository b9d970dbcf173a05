# what closures capture: arguments and locals assigned once by value, reassigned variables in a shared box
function scale(v, k)
    map(x -> x * k, v)
end
println(scale([1, 2, 3], 2), " ", scale([1.5], 2.0))
function counter(n)
    c = 0
    f = () -> (c += n)
    f(); f()
    c
end
println(counter(5))
function addall(v::Vector{T}, k) where T
    [T(x + k) for x in v]
end
println(addall([1, 2], 3), " ", addall(Float64[1], 1))
function nest(a)
    g = b -> (c -> a + b + c)
    g(1)(2)
end
println(nest(10))
function reassigned(a)
    h = () -> a
    a = a + 1
    h()
end
println(reassigned(1))
function run(n)
    open("closures_capture_out.txt", "w") do io
        for i in 1:n
            println(io, i, " ", i * i)
        end
    end
    filesize("closures_capture_out.txt")
end
println(run(10))
f(x) = () -> x
println(typeof(f(1)) == typeof(f(2)), " ", typeof(f(1)) == typeof(f(1.0)))
function shift(v)
    m = sum(v) / length(v)
    map(x -> x - m, v)
end
println(shift([1.0, 2.0, 3.0]))
function fact(n)
    f = k -> k <= 1 ? 1 : k * f(k - 1)
    f(n)
end
println(fact(5))
function late(v)
    g = () -> c
    c = 10
    g()
end
println(late(1))
function inloop(n)
    fs = []
    for i in 1:n
        j = i * 10
        push!(fs, () -> j)
    end
    [f() for f in fs]
end
println(inloop(3))
function condset(flag)
    if flag
        y = 1
    else
        y = 2
    end
    () -> y
end
println(condset(true)(), condset(false)())
rm("closures_capture_out.txt")
