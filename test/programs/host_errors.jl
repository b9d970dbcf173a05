# What the host refuses is a Julia exception the program can catch, in every mode
try
    write("/proc/version", "x")
catch e
    println("write: ", typeof(e))
end
try
    include("/tmp")
catch e
    println("include: ", typeof(e))
end
try
    eval(Expr(:function))
    println("no error")
catch
    println("malformed Expr: caught")
end
try
    Meta.parse("\"\\U110000\"")
catch e
    println("escape: ", e isa Meta.ParseError)
end
try
    throw()
catch e
    println(e)
end
try
    exit(typemax(Int))
catch e
    println(e)
end
try
    length(typemin(Int):typemax(Int))
catch e
    println(e)
end
println(length(0:typemax(Int) - 1))
println("done")
