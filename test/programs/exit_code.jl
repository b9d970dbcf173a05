# exit(n) from inside a function ends the program at once with status n
function finish(code)
    println("finishing with ", code)
    exit(code)
    println("not reached")
end
for i in 1:5
    println("step ", i)
    i == 2 && finish(i + 1)
end
println("not reached either")
