# Returns, Base.isdone, float of an array of any dimensions
f = Returns(3)
println(f(), " ", f(1, 2; a=1), " ", map(Returns(:x), 1:2), " ", f isa Function)
z = reshape(1:16, (2,2,2,2)); fz = float(z); println(typeof(fz), " ", sum(fz))
println(Base.isdone(0:3), " ", float([1 2; 3 4]))
s = Iterators.Stateful([1]); println(Base.isdone(s), " ", popfirst!(s), " ", Base.isdone(s))
