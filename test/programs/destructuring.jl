# destructuring assignment, slurping, and unpacking in loops and arguments
a, b, c = 1, 2, 3
println(a, b, c)
a, b = b, a
println(a, " ", b)
x, (y, z) = 1, (2, 3)
println(x + y + z, " ", y, z)
(p, q), r = [10, 20], "s"
println(p, " ", q, " ", r)
first_, rest... = [1, 2, 3, 4]
println(first_, " ", rest)
h, t... = (1, 2, 3)
println(h, " ", t)
lo, mid..., hi = (1, 2, 3, 4, 5)
println(lo, " ", mid, " ", hi)
only_, none_... = (7,)
println(only_, " ", none_)
k, v = :key => 99
println(k, " ", v)
u, w = [5, 6, 7]
println(u + w)
_, second = (1, 2)
println(second)
tup = (m, n) = (5, 6)
println(tup, " ", m * n)
lo2, hi2 = extrema([3, 1, 4, 1, 5])
println(lo2, " ", hi2)
for (i, (s, e)) in enumerate([(1, 2), (3, 4)])
    println(i, ": ", s, "-", e)
end
for (name, score) in ["ann" => 3, "bob" => 5]
    print(name, "=", score, " ")
end
println()
for (n, ch) in zip(1:3, "abc")
    print(n, ch, " ")
end
println()
dist((x1, y1), (x2, y2)) = abs(x2 - x1) + abs(y2 - y1)
println(dist((0, 0), (3, 4)))
println(map(((a, b),) -> a * b, [(1, 2), (3, 4)]))
arr = [1, 2, 3]
arr[1], arr[3] = arr[3], arr[1]
println(arr)
(; name, age) = (name = "Ann", age = 30)
println(name, " ", age)
function divrem2(a, b)
    return a ÷ b, a % b
end
qq, rr = divrem2(17, 5)
println(qq, " ", rr, " ", divrem2(9, 3))
