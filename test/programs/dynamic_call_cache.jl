# Dynamic calls from compiled code: each call site keeps the methods its last calls ran, per argument types. A
# method defined after the site has run must be used by its next call (a new world), and every kind of argument
# must be matched by its own type, not mistaken for another's.
g(x) = "generic"
function callall(v)
    out = String[]
    for x in v
        push!(out, g(x))
    end
    return out
end

abstract type Shape end
struct Circle <: Shape
    r::Float64
end
struct Square <: Shape
    s::Float64
end
area(c::Circle) = 3 * c.r^2
area(s::Square) = s.s * s.s

function total(v)
    s = 0.0
    for x in v
        s += area(x)
    end
    return s
end

# a type as an argument (Type{Int} and Type{Float64} are different types to dispatch) and tuples of different types
kind(::Type{Int}) = :int
kind(::Type{Float64}) = :float
kind(::Type) = :other
kinds(v) = [kind(t) for t in v]
width(t::Tuple) = length(t)
width(t::Tuple{Int,Int}) = -2
widths(v) = [width(t) for t in v]

v = Any[1, 2.5, "s", 3, 4.5, 'c']
for i in 1:200
    callall(v)
end
println(callall(v))
g(x::Int) = "int"
println(callall(v))
@eval g(x::Float64) = "float"
println(callall(v))
# a method that replaces one the sites have been running
g(x::Int) = "int, again"
for i in 1:200
    callall(v)
end
println(callall(v))

shapes = Shape[Circle(1.0), Square(2.0), Circle(0.5), Square(1.5)]
for i in 1:200
    total(shapes)
end
println(total(shapes))
area(c::Circle) = 0.0
println(total(shapes))
struct Tri <: Shape
    b::Float64
end
area(t::Tri) = t.b / 2
push!(shapes, Tri(4.0))
println(total(shapes))

types = Any[Int, Float64, String, Int, Vector{Int}]
for i in 1:200
    kinds(types)
end
println(kinds(types))
tuples = Any[(1, 2), (1, 2.0), (1, 2, 3), ("a", "b"), (3, 4)]
for i in 1:200
    widths(tuples)
end
println(widths(tuples))
