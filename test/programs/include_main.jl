# include: the included file's definitions join Main, and include returns the value of its last expression
println("start")
r = include("lib/helper.jl")
println(r, " ", typeof(r))
println(greet("Jolt"))
println(square(12), " ", fahrenheit(Temperature(100.0)), " ", fahrenheit(Temperature(-40.0)))
# methods can be added to functions from the included file
square(s::String) = s * s
println(square("ab"), " ", square(1.5))
u = include("lib/units.jl")
println(u, " ", CELSIUS_OFFSET)
