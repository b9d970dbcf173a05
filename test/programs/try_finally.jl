# try/catch/finally: nested handlers, rethrow, finally on return, break and continue, exceptions from callees
# (compiled code runs these with wasm exception handlers; the interpreter with its own)
function f1(x)
    s = 0
    for i in 1:x
        try
            s += div(10, i - 3)
        catch e
            s += 100
        finally
            s += 1
        end
    end
    s
end
function f2(v, i)
    try
        return v[i]
    catch e
        e isa BoundsError || rethrow()
        return -1
    end
end
function f3(n)
    acc = 0
    for i in 1:n
        try
            try
                i % 3 == 0 && error("three")
                i % 5 == 0 && throw(DomainError(i, "five"))
                acc += i
            catch e
                e isa ErrorException || rethrow()
                acc += 1000
            end
        catch e2
            acc += 100000
        end
    end
    acc
end
function f4(n)
    k = 0
    while true
        try
            k += 1
            k >= n && break
            k % 2 == 0 && continue
            k += 10
        finally
            k += 100
        end
    end
    k
end
function f5(x)
    try
        x > 0 || throw(ArgumentError("neg"))
        return sqrt(x)
    catch e
        println("caught ", e)
        return 0.0
    finally
        println("finally ", x)
    end
end
function f6()
    try
        try
            error("inner")
        finally
            println("cleanup")
        end
    catch e
        println("outer got ", e)
    end
    try
        error("a")
    catch
        try
            error("b")
        catch e
            println("nested ", e)
        end
        println("after nested")
    end
end
g7(x) = x < 0 ? error("negative $x") : x
function f7(xs)
    out = Int[]
    for x in xs
        y = try
            g7(x)
        catch e
            -100
        end
        push!(out, y)
    end
    out
end
function f8(n)
    r = 0
    for i in 1:n
        try
            r += i
        catch
        end
    end
    r
end
function f9()
    try
        error("boom")
    catch e
        println(sprint(showerror, e))
        println("ok")
    end
    x = try; 1 + 1; catch; 0; end
    x
end
function f10(x)
    try
        throw(x)
    catch e
        e
    end
end
println(f1(5), " ", f2([1, 2, 3], 2), " ", f2([1, 2, 3], 5), " ", f3(20), " ", f4(5))
println(f5(4.0)); println(f5(-1.0))
f6()
println(f7([1, -2, 3]), " ", f8(10), " ", f9(), " ", f10(42), " ", f10("s"))
try
    f2(Dict(1 => 2), 3)
catch e
    println("escaped: ", typeof(e))
end
function deep(n)
    try
        n == 0 ? error("bottom") : deep(n - 1)
    catch e
        n == 5 ? "caught at 5" : rethrow()
    end
end
println(deep(8))
function g(n)
    out = Int[]
    for i in 1:n
        try
            try
                i == 2 && continue
                i == 4 && break
                push!(out, i)
            finally
                push!(out, 100 + i)
            end
        finally
            push!(out, 200 + i)
        end
    end
    out
end
println(g(6))
function h()
    for i in 1:3
        try
            for j in 1:3
                j == 2 && break
                print(i, j, " ")
            end
            i == 2 && continue
            print("body", i, " ")
        finally
            print("fin", i, " ")
        end
    end
    println()
end
h()
function r()
    for i in 1:3
        try
            i == 2 && return i * 10
        finally
            println("fin ", i)
        end
    end
    0
end
println(r())
