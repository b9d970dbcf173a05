# numeric literal coefficients: juxtaposing a number with a variable or parenthesis multiplies
n = 4
x = 3
println(2n, " ", 3x^2, " ", 2x^3, " ", 2(x + 1), " ", -2x)
# juxtaposition binds tighter than / and ^ in the exponent
println(1 / 2x, " ", 2^2x, " ", 6 ÷ 2x, " ", 10x % 7)
println(1.5x, " ", 0.5n, " ", 2.0x, " ", typeof(2x), " ", typeof(0.5x))
println(2π, " ", 4pi / 2, " ", (x + 1)x, " ", (x - 1)x^2)
println(3(x - 1)^2, " ", 2x + 3x, " ", 2x * 2x, " ", x / 2x)
f(t) = 4t^2 - 2t + 1
println(f(2), " ", f(0.5), " ", f(-1))
v = [1, 2, 3]
println(2v, " ", 3v .+ 1, " ", 0.5v)
println(2n:3n, " ", collect(1:2:2x))
area(r) = 2π * r
println(area(1), " ", round(area(2), digits=3))
y = 10
println(2y - y / 2, " ", -y^2 + 2y, " ", 1 - 2y)
k = 0x10
println(2k, " ", typeof(2k))
