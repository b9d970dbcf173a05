# An error inside compiled code: the stack trace lists the compiled frames with their lines.
function inner(a, i)
    return a[i] * 2
end
outer(a, i) = inner(a, i) + 1
v = [1, 2, 3]
for i in 1:3
    println(outer(v, i))
end
println(outer(v, 5))
