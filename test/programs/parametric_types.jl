# parametric structs: inner constructors with checks, outer constructors, methods with where-clauses
struct Point{T<:Real}
    x::T
    y::T
    function Point{T}(x, y) where {T<:Real}
        x < 0 && throw(ArgumentError("negative x"))
        new{T}(convert(T, x), convert(T, y))
    end
end
Point(x::T, y::T) where {T<:Real} = Point{T}(x, y)
Point(x::Real, y::Real) = Point(promote(x, y)...)
p = Point(1, 2)
println(p)
println(typeof(p))
println(Point(1.5, 2.5))
println(Point(1, 2.5))
println(Point{Float64}(1, 2))
try
    Point(-1, 2)
catch e
    println(e)
    showerror(stdout, e); println()
end
norm2(p::Point{T}) where {T<:Real} = p.x * p.x + p.y * p.y
origin(::Type{Point{T}}) where {T} = Point{T}(zero(T), zero(T))
println(norm2(Point(3, 4)), " ", norm2(Point(0.5, 0.5)))
println(origin(Point{Int}), " ", origin(Point{Float64}))
elt(::Point{T}) where {T} = T
println(elt(Point(1, 2)), " ", elt(Point(1.0, 2.0)))
println(Point{Int} <: Point, " ", Point{Int} <: Point{Real}, " ", Point{Int} <: Point{<:Real})
struct Box{T}
    val::T
end
Box(1) |> println
println(Box("s"), " ", Box([1, 2]), " ", Box(Box(1.0)))
println(Box{Any}(1))
mutable struct Counter{T}
    n::T
end
c = Counter(0)
c.n += 1
println(c)
c2 = Counter{Float64}(1)
println(c2, " ", typeof(c2.n))
function addall(xs::Vector{T}) where {T<:Number}
    s = zero(T)
    for x in xs
        s += x
    end
    s
end
println(addall([1, 2, 3]), " ", addall([1.5, 2.5]))
struct Pair2{A, B}
    a::A
    b::B
end
println(Pair2(1, "x"), " ", typeof(Pair2(1, 'c')))
println(Point{Int}(1, 2) == Point(1, 2))
println(fieldtype(Point{Float64}, :x))
