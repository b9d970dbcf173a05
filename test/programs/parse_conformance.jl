function f()
    i = 0
    for outer i = 1:3
    end
    i
end
println(f())
function g()
    local j = 10
    for outer j in 4:6, k = 1:0
    end
    j
end
println(g())
h = (x; a=1, b=2) -> (x, a, b)
println(h(0; b=5))
k = (x; a=1) -> x + a
println(k(1), " ", k(1; a=10))
println(Int8(3)im, " ", (1+2)im)
println([1, 2] .=== [1, 3], " ", [true, false] .| [false, false], " ", [true, true] .& [false, true])
println(1 .<< [1, 2], " ", [8, 16] .>> 2, " ", [7, 9] .% 4)
println(map(in, [1, 5], [[1, 2], [3]]))
x = [1, 2]
x .|= [4, 4]
println(x)
let a = 1,
    b = 2
    println(a + b)
end
println(sort(
    [3, 1, 2]
    .* 2))
mutable struct KwInner{X}
    k::Int
    KwInner{X}(; k=0) where X = new(k)
end
println(KwInner{Any}(k=5).k, " ", KwInner{Int}().k)
