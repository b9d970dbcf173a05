# mod1/fld1 (an index into a cycle) and deleteat! with a vector of indices
println(mod1(4, 4), " ", mod1(5, 4), " ", mod1(-1, 4), " ", mod1(0, 3), " ", fld1(4, 4), " ", fld1(5, 4))
println(mod1(2.5, 2), " ", typeof(mod1(0x05, 0x05)))
dirs = [:north, :east, :south, :west]
println([dirs[mod1(k, 4)] for k in 3:6])
v = collect(1:6)
deleteat!(v, [2, 4])
println(v)
try
    deleteat!(v, [3, 1])
catch e
    println(e)
end
