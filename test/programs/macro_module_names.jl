# Names a macro's output does not escape resolve in the macro's module, even where the caller cannot see them
module Shapes
export @area
macro area(x)
    :(scale(Inner.square($(esc(x)))))
end
scale(v) = 10v
module Inner
square(x) = x * x
end
end

using .Shapes: @area
scale(v) = -1         # the caller's own `scale` is another function
println(@area 3)
function twice(y)
    @area(y) + @area(y + 1)
end
println(twice(2))

# a stdlib macro brought in by name only: its helpers are the stdlib's
using Test: @test
@test twice(1) == 50
@test 1 < 2
@test twice(0) == 10
println("tested")
