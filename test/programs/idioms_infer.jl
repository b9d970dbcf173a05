# The common idioms infer the concrete types Julia infers: comprehensions (plain, filtered, over closures that
# capture), map, collect of keys, values, zip and enumerate, Set of a generator, sort with `by`, findall, filter,
# reduce and sum with a function. Each result is then checked against what the call returns.
a(v) = map(x -> x + 1, v)
b(v) = [x * 2 for x in v]
c(d) = collect(keys(d))
e(v) = [x for x in v if x > 1]
f(v) = sum(x -> x^2, v)
g(v) = collect(zip(v, v))
h(v) = collect(enumerate(v))
j(v) = sort(v; by = x -> -x)
k(v) = findall(x -> x > 1, v)
l(v) = reduce(+, v)
n(v) = filter(isodd, v)
o(d) = collect(values(d))
q(v) = Set(x for x in v)
s(v, m) = [x * m for x in v]
t(v) = [string(x) for x in v]
u(v) = [x / 2 for x in v]

V = Tuple{Vector{Int64}}
D = Tuple{Dict{Int64,Int64}}
for (name, fn, T, arg) in [("map", a, V, [1, 2]), ("comprehension", b, V, [1, 2]), ("collect(keys)", c, D, Dict(1 => 2)),
                           ("filtered", e, V, [1, 2]), ("sum(f, v)", f, V, [1, 2]), ("zip", g, V, [1, 2]),
                           ("enumerate", h, V, [1, 2]), ("sort by", j, V, [1, 2]), ("findall", k, V, [1, 2]),
                           ("reduce", l, V, [1, 2]), ("filter", n, V, [1, 2]), ("collect(values)", o, D, Dict(1 => 2)),
                           ("Set(gen)", q, V, [1, 2]), ("string.", t, V, [1, 2]), ("x / 2", u, V, [1, 2])]
    rt = Base.return_types(fn, T)
    println(rpad(name, 16), rt, " ", typeof(fn(arg)) == rt[1])
end
println(Base.return_types(s, Tuple{Vector{Int64}, Int64}))
# empty inputs have the element type inference gives, as in Julia
println(b(Int[]), " ", t(Int[]), " ", u(Int[]), " ", h(String[]), " ", c(Dict{String,Int}()))
# widening when the elements do not share a type: promote_typejoin, not promotion
println([x for x in Any[1, 2.0, 3]])
println([x for x in Any[1, nothing]])
println([x for x in Any[]])
# a broadcast infers, and so does a function mapped over a tuple
bm(v) = v .+ 1
println(Base.return_types(bm, Tuple{Vector{Int64}}), " ", bm([1, 2]))
println(Base.return_types(Base.tail, Tuple{Tuple{Int64, String, Float64}}))
# a Dict comprehension infers and widens the same way
dc(v) = Dict(x => x for x in v)
println(Base.return_types(dc, Tuple{Vector{Int64}}))
println(dc(Int[]), " ", Dict(x => (x == 1 ? 1 : 2.0) for x in 1:2))
