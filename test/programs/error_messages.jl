# error values and their messages: showerror, sprint, custom exceptions, try/catch/finally order, rethrow
function message(f)
    try
        f()
        "no error"
    catch e
        sprint(showerror, e)
    end
end
println(message(() -> div(1, 0)))
println(message(() -> 7 % 0))
println(message(() -> (1, 2)[3]))
println(message(() -> "abc"[5]))
println(message(() -> [10, 20, 30][4]))
println(message(() -> [1 2; 3 4][3, 1]))
println(message(() -> Dict("a" => 1)["b"]))
println(message(() -> Dict(:a => 1)[:z]))
println(message(() -> Dict(1 => 'x')[2]))
println(message(() -> throw(ArgumentError("value must be positive"))))
println(message(() -> error("custom failure: ", 42)))
println(message(() -> sqrt(-4.0)))
println(message(() -> throw(DomainError(-1, "must be non-negative"))))
println(message(() -> Int(3.5)))
println(message(() -> pop!(Int[])))
println(message(() -> @assert iseven(3)))
println(message(() -> @assert false "invariant broken"))
println(message(() -> 1 + 1))
# the values themselves
try
    div(1, 0)
catch e
    println(e, " ", typeof(e), " ", e isa Exception)
end
try
    error("plain")
catch e
    println(e, " ", e.msg)
end
try
    Dict("k" => 1)["q"]
catch e
    println(e, " ", e.key)
end
try
    [1, 2][5]
catch e
    println(typeof(e), " ", e.a, " ", e.i)
end
# a custom exception type with its own message
struct InsufficientFunds <: Exception
    balance::Int
    requested::Int
end
Base.showerror(io::IO, e::InsufficientFunds) =
    print(io, "InsufficientFunds: cannot withdraw ", e.requested, " with balance ", e.balance)
withdraw(balance, amount) = amount > balance ? throw(InsufficientFunds(balance, amount)) : balance - amount
println(withdraw(100, 30))
println(message(() -> withdraw(10, 25)))
try
    withdraw(5, 6)
catch e
    println(e)
    showerror(stdout, e)
    println()
end
struct Plain <: Exception end
println(message(() -> throw(Plain())))
# try/catch/finally order, including a return from inside try
function steps(fail)
    try
        println("  try")
        fail && error("failed")
        println("  try done")
        return "returned"
    catch e
        println("  catch: ", e.msg)
        return "caught"
    finally
        println("  finally")
    end
end
println(steps(false))
println(steps(true))
# rethrow passes the same exception on to the next handler
function layered()
    try
        throw(InsufficientFunds(1, 2))
    catch e
        println("inner handler saw ", typeof(e))
        rethrow()
    end
end
try
    layered()
catch e
    println("outer handler: ", sprint(showerror, e))
end
# a throw inside catch replaces the exception
r = try
    try
        error("first")
    catch
        error("second")
    end
catch e
    e.msg
end
println(r)
# any value can be thrown
try
    throw(42)
catch x
    println("threw ", x, " of type ", typeof(x))
end
