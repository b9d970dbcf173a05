# updating operators: x op= y is x = x op y
x = 10
x += 5; print(x, " ")
x -= 3; print(x, " ")
x *= 2; print(x, " ")
x ÷= 5; print(x, " ")
x %= 3; print(x, " ")
x ^= 10; println(x)
y = 3
y ^= 4; print(y, " ")
y /= 2; println(y, " ", typeof(y))
z = 1
z += 0.5
println(z, " ", typeof(z))
b = 12
b |= 3; print(b, " ")
b &= 6; print(b, " ")
b <<= 2; print(b, " ")
b >>= 1; print(b, " ")
b ⊻= 5; print(b, " ")
b >>>= 1; println(b)
s = "ab"
s *= "cd"; s ^= 2
println(s)
v = [1, 2, 3]
v .+= 1; print(v, " ")
v .*= 2; print(v, " ")
v .-= [1, 1, 1]; println(v)
w = v
w .+= 10
println(v, " ", w === v)
w += [1, 1, 1]
println(v, " ", w, " ", w === v)
v[2] += 100
v[end] -= 1
println(v)
v .= 0
println(v)
f = [1.0, 4.0, 9.0]
f .= sqrt.(f)
println(f)
d = Dict("a" => 1)
d["a"] += 1
d["b"] = get(d, "b", 0) + 5
println(d["a"], " ", d["b"])
mutable struct Counter
    n::Int
end
c = Counter(0)
c.n += 5
c.n *= 3
println(c.n)
p = q = 5
p += q += 1
println(p, " ", q)
function sumsq(n)
    total = 0
    for i in 1:n
        total += i^2
    end
    total
end
println(sumsq(10))
