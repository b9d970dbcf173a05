# an uncaught InexactError: a Float64 with a fractional part converted to Int
println(Int(2.0))
x = 2.5
println(Int(x))
