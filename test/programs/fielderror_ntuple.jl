struct P2
    x::Int
    y::Int
end
try
    P2(1, 2).z
catch e
    println(typeof(e))
    showerror(stdout, e)
    println()
end
try
    (a=1,).b
catch e
    println(e isa FieldError)
end
println(mapfoldl(x -> 2x, +, [1, 2, 3]), " ", mapfoldr(string, *, ["a", "b"]), " ", mapfoldl(abs, +, Int[]))
println(ntuple(i -> i^2, 4), " ", ntuple(identity, Val(2)), " ", ntuple(identity, 0))
println(empty([1, 2]), " ", empty(Dict(1 => 2)), " ", empty(Set([1])), " ", empty((1, 2)))
f = (a=2) -> 10a
println(f(3), " ", f())
g = (a=1, b=2) -> (a, b)
println(g(), " ", g(5), " ", g(5, 6))
