# typed array literals: rows and columns of a typed matrix, typed vertical concatenation, and typed comprehensions
# (whose generator runs once)
a = Int[1 2; 3 4]
println(a, " ", typeof(a), " ", size(a))
b = Bool[true false]
println(b, " ", size(b))
c = Float64[1 2 3]
println(c, " ", typeof(c))
e = Any[1 "a"; 2 "b"]
println(e, " ", e[2, 2])
f = Int[1; 2; 3]
println(f, " ", typeof(f))
g = Float64[1 2; 3 4.5]
println(g, " ", sum(g))
calls = Ref(0)
h = Int[(calls[] += 1; x^2) for x in 1:3]
println(h, " ", calls[])
try
    Int[1 2; 3]
catch e
    println(sprint(showerror, e))
end
try
    Int[1.5 2]
catch e
    println(typeof(e))
end
