# varargs methods and splatting into calls
count_args(xs...) = length(xs)
println(count_args(), " ", count_args(1), " ", count_args(1, "a", 'c'))
head_tail(a, rest...) = (a, rest)
println(head_tail(1), " ", head_tail(1, 2, 3))
argtypes(xs...) = typeof(xs)
println(argtypes(1, 2.0), " ", argtypes(), " ", argtypes("s"))
t = (1, 2, 3)
v = [4, 5]
println(+(t...), " ", max(v...), " ", count_args(1:5...), " ", count_args(t..., v...), " ", count_args("abc"...))
println(string("a", ["b", "c"]...), " ", [t..., v...], " ", (t..., 9), " ", (v...,), " ", [1:3...])
f3(a, b, c) = a * 100 + b * 10 + c
println(f3(1, (2, 3)...), " ", f3((1, 2)..., 3), " ", f3(v..., 6), " ", f3([7, 8, 9]...))
kind(xs::Int...) = "ints"
kind(xs::Number...) = "numbers"
kind(xs...) = "any"
println(kind(1, 2), " ", kind(1, 2.5), " ", kind(1, "a"), " ", kind(3))
two(xs::Vararg{Int, 2}) = xs[1] * xs[2]
nargs(xs::Vararg{Any, N}) where {N} = N
println(two(3, 4), " ", nargs(), " ", nargs(1, 2, 3))
try
    two(1, 2, 3)
catch e
    println(typeof(e))
end
vk(xs...; sep=",") = join(xs, sep)
println(vk(1, 2, 3), " ", vk("a", "b"; sep="-"), " ", vk())
fwd(args...) = count_args(args...)
println(fwd(), " ", fwd(1, 2), " ", fwd(t...))
println(max((x^2 for x in 1:4)...), " ", ((xs...) -> sum(xs))(1, 2, 3), " ", ((a, b...) -> b)(1, 2))
function total(base, extras::Int...)
    s = base
    for e in extras
        s += e
    end
    s
end
println(total(10), " ", total(10, 1, 2), " ", total(0, v...))
println(tuple(1, t...), " ", vcat(v, t...), " ", min(3, v...), " ", Tuple(v))
