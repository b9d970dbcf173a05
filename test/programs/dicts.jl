# Dict and Set (outputs that do not depend on iteration order)
ages = Dict("ann" => 31, "bob" => 25)
ages["cy"] = 40
println(length(ages), " ", ages["bob"], " ", haskey(ages, "dan"), " ", get(ages, "dan", -1))
println(sort(collect(keys(ages))), " ", sort(collect(values(ages))))
counts = Dict{Char,Int}()
for c in "mississippi"
    counts[c] = get(counts, c, 0) + 1
end
println(counts['s'], " ", counts['i'], " ", counts['m'])
delete!(ages, "ann")
println(length(ages), " ", haskey(ages, "ann"))
try
    ages["zed"]
catch e
    println(e)
end
s = Set([3, 1, 3, 2])
push!(s, 5)
println(length(s), " ", 5 in s, " ", 4 in s, " ", sort(collect(s)))
println(sort(collect(union(Set([1, 2]), [2, 3]))), " ", issubset([1], s))
