include("harness.jl")

# A Vector of an abstract element type holding three kinds of struct; `area` is dispatched on each element's
# concrete type. Checksum: the total area.
abstract type Shape end
struct Circle <: Shape
    r::Float64
end
struct Square <: Shape
    s::Float64
end
struct Rect <: Shape
    w::Float64
    h::Float64
end

area(c::Circle) = pi * c.r^2
area(s::Square) = s.s * s.s
area(r::Rect) = r.w * r.h

function make_shapes(n)
    g = LCG(42)
    v = Vector{Shape}(undef, n)
    for i in 1:n
        kind = next!(g) % 3
        a = (next!(g) % 1000) / 100
        v[i] = kind == 0 ? Circle(a) : kind == 1 ? Square(a) : Rect(a, (next!(g) % 1000) / 100)
    end
    return v
end

function total_area(v)
    s = 0.0
    for x in v
        s += area(x)
    end
    return s
end

const V = make_shapes(benchsize(100000))
bench("unstable_shapes", () -> total_area(V))
