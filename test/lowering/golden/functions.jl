# Lowered functions: destructuring, exception handling, structs, varargs, globals (closures and keyword functions
# are in closures.jl).
swap(t) = ((a, b) = t; (b, a))
function safe_div(a, b)
    try
        a ÷ b
    catch e
        0
    finally
        println("done")
    end
end
struct Pt
    x::Int
    y::Int
end
norm1(p::Pt) = abs(p.x) + abs(p.y)
splat_sum(xs...) = +(xs...)
const SCALE = 3
scaled(x) = SCALE * x
@code_lowered swap((1, 2))
@code_lowered safe_div(1, 0)
@code_lowered norm1(Pt(1, 2))
@code_lowered splat_sum(1, 2)
@code_lowered scaled(2)
