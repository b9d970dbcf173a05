# reading a local before it is assigned raises UndefVarError in every tier (a loop body's locals are fresh each
# iteration; a captured variable's box starts empty)
function loopy(n)
    s = 0
    for i in 1:n
        if i > 1
            s += last
        end
        last = i
    end
    s
end
function boxed()
    g = () -> y
    r = try
        g()
    catch e
        e
    end
    y = 1
    r, g()
end
for f in (() -> loopy(3),)
    try
        f()
    catch e
        println(e)
        showerror(stdout, e)
        println()
    end
end
println(boxed())
# a callee whose local may be unassigned is neither folded nor inlined into its caller: the read still throws
function maybe_z(c)
    if c
        z = 1
    end
    z
end
caller_false() = maybe_z(false)
caller_true() = maybe_z(true) + 1
println(caller_true())
try
    println(caller_false())
catch e
    println(e)
end
