println(isless((a=1,b=2), (a=1,b=3)), " ", isless((a=2,b=1), (a=1,b=2)))
try
    isless((a=1,), (x=2,))
catch e
    println(typeof(e))
end
println(Base.structdiff((a=1, b=2, z=20), (b=3,)), " ", Base.structdiff((a=1, b=2), (b=3, a=0)) == NamedTuple())
println(Base.structdiff((a=1, b=2, z=20), NamedTuple{(:b,)}))
println(typeof(Base.structdiff((a=1, b="x", c=2.0), (a=0, c=1))))
