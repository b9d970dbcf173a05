# Reading past a tuple's end in compiled code raises the BoundsError (inference types the read Union{}): the
# generator of empty tuples given to Dict once reached wasm's `unreachable` instead.
function second(t)
    s = 0
    for i in 1:3
        s += i
    end
    s + t[2]
end
function empty_first(t)
    n = 0
    for x in t
        n += 1
    end
    t[1]
end
for (f, x) in ((second, (1,)), (empty_first, ()), (second, (1, 2)))
    try
        println(f(x))
    catch e
        println(typeof(e), " ", e.i)
    end
end
println(length(Dict(((1, 2), (3, "b")))))
try
    Dict(() for i in 1:2)
catch e
    println(typeof(e))
end
for kv in (((i, i, i) for i in 1:2), nothing, (1,), 1:2, ((),), [[1, 2], [3, 4, 5]])
    try
        Dict(kv)
    catch e
        println(e)
    end
end
println(Dict([[1, 2], [3, 4]]))
