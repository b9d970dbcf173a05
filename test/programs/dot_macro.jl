# @. turns every call, operator and assignment into its broadcasting form
x = [1.0, 2.0, 3.0]
y = @. 2x^2 + 1
println(y)
z = similar(x)
@. z = x * 2 + 1
println(z)
println(@. abs(-x) > 1.5)
w = [1, 2]
@. w += 10
println(w)
println(@. max(x, 2.0) - $sum(x))
println(typeof(similar(w, Float64)), " ", length(similar(w, Int, 4)))
