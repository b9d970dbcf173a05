# NamedTuples: construction, access, iteration, merge, printing
nt = (a = 1, b = "x", c = 2.5)
println(nt)
println(nt.a, " ", nt.b, " ", nt[3], " ", nt[:c], " ", length(nt))
println(keys(nt), " ", values(nt), " ", typeof(keys(nt)))
println(typeof(nt))
for v in nt
    print(v, " ")
end
println()
for (k, v) in pairs(nt)
    print(k, "=", v, " ")
end
println()
println(collect((x = 1, y = 2)), " ", haskey(nt, :b), " ", haskey(nt, :z))
println(merge(nt, (d = 4,)), " ", merge(nt, (a = 10,)))
println((x = 1,), " ", (;), " ", NamedTuple(), " ", isempty((;)))
x = 5
y = [1, 2]
println((x = x, y = y), " ", (x = x, y = y).y[2])
function stats(v)
    return (min = minimum(v), max = maximum(v), n = length(v))
end
s = stats([4, 9, 1, 7])
println(s, " ", s.max - s.min)
function spread(t)
    (; min, max) = t
    return max - min
end
println(spread(s), " ", spread((max = 2.5, min = 1)))
p = (name = "Ann", age = 30)
println("$(p.name) is $(p.age)", " ", p == (name = "Ann", age = 30), " ", p == (age = 30, name = "Ann"))
println(Tuple(p), " ", typeof((a = 1, b = 2)), " ", (a = 1, b = (c = 2,)))
println(repr((a = 1, b = "x")), " ", string((k = :s,)))
println(get(p, :age, 0), " ", get(p, :zip, "none"), " ", p[(:age, :name)])
nts = [(n = i, sq = i^2) for i in 1:3]
println(nts)
println(sum(t.sq for t in nts), " ", map(t -> t.n, nts))
