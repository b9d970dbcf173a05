# A string or array too large to make raises OutOfMemoryError, which a program can catch, in every mode (the host's
# errors came out as StackOverflowError or an internal error); a real stack overflow is still StackOverflowError.
try
    "a"^(10^10)
catch e
    println(typeof(e))
end
try
    zeros(10^10)
catch e
    println(typeof(e))
end
deep(n) = deep(n + 1) + 1
try
    deep(1)
catch e
    println(typeof(e))
end
println("still running")
