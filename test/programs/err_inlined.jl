# Errors raised in inlined code: the backtrace shows the frames of the inlined calls, in every tier.
half(x) = x ÷ 2
check(x) = x > 100 ? throw(ArgumentError("too big: $x")) : half(x)
twice(x) = check(x) * 2
function run(v)
    s = 0
    for x in v
        s += twice(x)
    end
    s
end
println(run([2, 4, 6]))
try
    run([1, 200])
catch e
    println("caught ", e)
end
println(run([10, 300]))
