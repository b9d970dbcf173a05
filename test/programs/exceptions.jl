# custom exception types, rethrow, finally ordering, error values
struct NegativeError <: Exception
    value::Int
end
Base.showerror(io::IO, e::NegativeError) = print(io, "negative: ", e.value)
check(x) = x < 0 ? throw(NegativeError(x)) : x
try
    check(-3)
catch e
    println(typeof(e), " ", e.value)
    print(stdout, "message: ")
    showerror(stdout, e)
    println()
end
function risky(n)
    try
        n == 0 && error("zero!")
        return 10 ÷ n
    finally
        println("cleanup ", n)
    end
end
println(risky(2))
try
    risky(0)
catch e
    println("caught ", e)
end
r = try
    sqrt(-1.0)
catch e
    e isa DomainError ? "domain" : "other"
end
println(r)
try
    [1, 2][5]
catch e
    println(e isa BoundsError)
end
try
    parse(Int, "abc")
catch e
    println(typeof(e))
end
