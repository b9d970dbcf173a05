# control flow: if/elseif/else, while, for, break/continue, ternary, try/catch/finally
function classify(n)
    if n < 0
        "negative"
    elseif n == 0
        "zero"
    else
        "positive"
    end
end
println(classify(-5), " ", classify(0), " ", classify(3))
i = 0
while true
    global i += 1
    i >= 5 && break
end
println(i)
total = 0
for k in 1:10
    iseven(k) && continue
    global total += k
end
println(total)
for (a, b) in [(1, 2), (3, 4)]
    println(a + b)
end
function safe_div(a, b)
    try
        b == 0 && error("division by zero")
        a / b
    catch e
        "caught: " * e.msg
    finally
        println("done")
    end
end
println(safe_div(1, 2))
println(safe_div(1, 0))
for i in 1:2, j in 1:2
    print(i, j, " ")
end
println()
println(isodd(3) ? "odd" : "even")
