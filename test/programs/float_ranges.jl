# Float64 ranges hold exact decimal steps; mixed endpoints promote; small-integer sums widen; vectors compare
println(1:2.5)
println(collect(0.1:0.1:0.5))
println(collect(1:0.5:2), " ", length(0:0.1:1), " ", sum(0.1:0.1:1.0))
println(collect(2.0:-0.5:0.5), " ", 1.0:3.0, " ", (0.0:0.25:1.0)[3])
for x in 0.0:0.3:1.0
    print(x, " ")
end
println()
println(first(0.5:0.5:2.0), " ", last(0.5:0.5:2.0), " ", step(0.5:0.5:2.0))
println(prod(Int8[9, 8, 7]), " ", sum(Int8[100, 100]), " ", sum(UInt8[200, 100]))
println(isless([1, 2], [1, 3]), " ", [2, 1] < [1, 5], " ", sort([[2, 1], [1, 5], [1]]))
println(collect(eachindex(3:5)))
struct Meters
    v::Int
end
try
    Meters("ten")
catch e
    println(first(split(sprint(showerror, e), '\n')))
end
