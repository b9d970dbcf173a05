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
