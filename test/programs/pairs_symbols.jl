# Pairs and Symbols: construction, printing, access, Dict constructors
p = 1 => 2
println(p, " ", p.first, " ", p.second, " ", first(p), " ", last(p))
println(typeof(p), " ", typeof("a" => 1.5))
q = "key" => [1, 2]
println(q, " ", repr(q), " ", string(q))
println(:a => 'c', " ", (1 => 2) => 3, " ", 1 => (2 => 3))
println(Pair(3, "x"), " ", p == (1 => 2), " ", (1 => 2) == (1 => 3))
a, b = "k" => 9
println(a, " ", b)
s = Symbol("hello")
println(s, " ", repr(s), " ", string(s), " ", typeof(s), " ", s == :hello)
println(:abc, " ", Symbol("a", "b", 1), " ", Symbol(:x, :_y), " ", length(string(:four)))
print(:sym)
println()
show(:sym)
println()
println([:a, :b], " ", (:x, :y), " ", Symbol[])
println(:a === :a, " ", Symbol("a") === :a, " ", :a < :b, " ", sort([:c, :a, :b]))
println(repr(:+), " ", string(:+))
d = Dict(:x => 1, :y => 2)
println(d[:x] + d[:y], " ", sort(collect(keys(d))), " ", length(d))
d2 = Dict([("a", 1), ("b", 2)])
println(d2["b"], " ", typeof(d2))
d3 = Dict(["p" => 1.5])
println(d3, " ", typeof(d3))
d4 = Dict{Symbol,Any}(:n => 1)
d4[:s] = "str"
println(d4[:n], " ", d4[:s], " ", typeof(d4))
for (k, v) in Dict(:only => 1)
    println(k, " -> ", v)
end
ps = [2 => "b", 1 => "a", 3 => "c"]
println(sort(ps), " ", sort(ps, by=last, rev=true))
println(map(first, ps), " ", map(p -> p.second, ps))
println(Dict(k => v for (k, v) in ps)[3], " ", collect(pairs(["x", "y"])))
