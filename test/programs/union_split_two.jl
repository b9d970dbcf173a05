# A call with two Union arguments is split on both (each combination of members a case, at most four); a
# combination without a method keeps the dynamic call, which raises the MethodError.
f(x::Int) = x + 1
f(x::Float64) = 2x
f(x::String) = length(x)
function sumf(v)
    s = 0
    for x in v
        s += f(x)
    end
    return s
end
println(sumf(Any[1, 2.5, "abc", 4]))
println(Base.return_types(sumf, (Vector{Any},)))
g(a::Int, b::Int) = "ii"
g(a::Int, b::Float64) = "if"
g(a::Float64, b::Int) = "fi"
pick(c, x, y) = g(c ? 1 : 1.0, x ? 2 : 2.0)
println(pick(true, true, 0), " ", pick(true, false, 0), " ", pick(false, true, 0))
println(Base.return_types(pick, (Bool, Bool, Int)))
try
    pick(false, false, 0)
    println("unreachable")
catch e
    println(typeof(e), " ", e.args)
end
