# include inside a module evaluates the file in that module (each module has its own include), nested modules too
module Shapes
include("lib/units.jl")
module Inner
include("lib/helper.jl")
end
twice(x) = 2x
end
println(isdefined(Shapes, :CELSIUS_OFFSET), " ", isdefined(Main, :CELSIUS_OFFSET))
println(Shapes.CELSIUS_OFFSET, " ", Shapes.twice(4))
println(Shapes.Inner.square(5), " ", isdefined(Shapes, :square), " ", isdefined(Main, :square))
# at the toplevel, include is Main's again
include("lib/helper.jl")
println(square(3))
