# An error raised by a method that compiled code called dynamically (through its call site's cache): the backtrace
# names the method and its compiled caller, in every tier.
h(x::Int) = x > 0 ? x : throw(ArgumentError("negative: $x"))
h(x::Float64) = x
function sumh(v)
    s = 0.0
    for x in v
        s += h(x)
    end
    return s
end
for i in 1:100
    sumh(Any[1, 2.5, 3])
end
println(sumh(Any[1, 2.5, 3]))
try
    sumh(Any[1, -2, 3])
catch e
    println("caught ", e)
end
println(sumh(Any[10, 0.5, -30]))
