# an ArgumentError thrown by a user function: the stack trace shows its frame, then the top-level call
function check_positive(x)
    x > 0 || throw(ArgumentError("bad value"))
    return x
end
println(check_positive(1))
check_positive(-5)
println("not reached")
