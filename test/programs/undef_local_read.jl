# A local read before any assignment raises UndefVarError in every mode, also where the method can never return a
# value (compiled code used to trap with an internal error there).
function h()
    local y
    for i in 1:1
    end
    y
end
function h2()
    local y
    y
end
for f in (h, h2)
    try
        f()
    catch e
        println(typeof(e), ": ", e.var)
    end
end
