# captured variables a local function reads before the statement that assigns them
function prime(num)
    num > 0 || error("No such prime!")
    is_prime(n) = all([n % p > 0 for p in primes])
    primes = [2, 3]
    n = 3
    while length(primes) < num
        n += 2
        if is_prime(n)
            push!(primes, n)
        end
    end
    primes[num]
end
println(prime(1), " ", prime(2), " ", prime(100))
# assigned once after the closure is made: the closure sees the value
function once()
    g() = x + 1
    x = 41
    g()
end
println(once())
# an anonymous function bound to a name
function anonlate(v)
    scale = x -> x * k
    k = 3
    map(scale, v)
end
println(anonlate([1, 2]))
# assigned twice: the closure sees each new value
function twice()
    g() = x
    x = 1
    a = g()
    x = 2
    (a, g())
end
println(twice())
# read in a loop between assignments, and read before any assignment
function readloop(m)
    g() = x
    x = 1
    s = 0
    for i in 1:m
        s += x
    end
    x = 2
    (s, g())
end
println(readloop(3))
function undefread()
    g() = x
    try
        x + 1
    catch e
        println(e)
    end
    x = 1
    x = 2
    g()
end
println(undefread())
# reassigned inside the closure
function counted()
    inc() = (c += 1)
    c = 0
    inc()
    inc()
    c
end
println(counted())
# called before the variable is assigned: the variable is still undefined then
function early()
    g() = x
    r = try
        g()
    catch e
        e isa UndefVarError
    end
    x = 5
    (r, g())
end
println(early())
# handed to another function before the assignment
function handed()
    g() = y * 2
    h = g
    y = 21
    h()
end
println(handed())
# a function stored in an enclosing function's variable is reachable from any call: it is made where it is written
function outerf()
    local f
    callf() =
        try
            f()
        catch e
            e.var
        end
    function setf()
        f = () -> lk
        r = callf()
        lk = 7
        (r, f())
    end
    setf()
end
println(outerf())
# a closure made and called in a loop sees each iteration's variable
function inloop()
    out = Int[]
    for i in 1:3
        h() = i * k
        k = 10
        push!(out, h())
    end
    out
end
println(inloop())
function loopcalls(m)
    step() = s + d
    s = 0
    d = 3
    for i in 1:m
        s = step()
    end
    s
end
println(loopcalls(4))
# a parameter of a local function shadows the enclosing local of the same name
function shadow()
    n = 1
    sq(n) = n * n
    n = 2
    sq(3) + n
end
println(shadow(), " ", Base.return_types(shadow, ()))
function genvar()
    p = 0
    v = [p * 2 for p in 1:3]
    p = 1
    sum(v) + p
end
println(genvar(), " ", Base.return_types(genvar, ()))
function mk(v)
    total() = sum(w)
    w = v .* 2
    total
end
println(mk([1, 2])())
