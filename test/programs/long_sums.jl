# Calls of + and * with thousands of arguments, and long operator chains, generated here: each must take time
# linear in its length (a 4,000-term 1+1+... took half a minute when + passed on all but one argument per call)
n = 6000
println(eval(Meta.parse(join(fill("1", n), " + "))))
println(+(fill(2, n)...))
println(*(fill(1, n)...))
println(*(fill(1.5, 20)...))
println(eval(Meta.parse(join(fill("1", 3000), "-"))))
t = (collect(1:n)...,)
s = 0
for x in t
    global s += x
end
println(s, " ", t[end], " ", length(t))
println(1 + 2 + 3.5 + 4, " ", 2 * 3 * 4 * 5)
