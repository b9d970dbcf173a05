# an abstract type hierarchy: most specific methods win, fallbacks, and Base operators and show extended
abstract type Shape end
abstract type Polygon <: Shape end
struct Circle <: Shape
    r::Float64
end
struct Square <: Polygon
    side::Float64
end
struct Triangle <: Polygon
    a::Float64
    b::Float64
    c::Float64
end
area(s::Shape) = error("area not implemented for ", typeof(s))
area(c::Circle) = 3.0 * c.r^2
area(s::Square) = s.side^2
describe(s::Shape) = "a shape"
describe(p::Polygon) = "a polygon with $(nsides(p)) sides"
describe(c::Circle) = "a circle of radius $(c.r)"
nsides(::Square) = 4
nsides(::Triangle) = 3
for s in Shape[Circle(1.0), Square(2.0), Triangle(3.0, 4.0, 5.0)]
    println(describe(s))
end
println(area(Circle(2.0)), " ", area(Square(3.0)))
try
    area(Triangle(3.0, 4.0, 5.0))
catch e
    println(e)
end
combine(a::Shape, b::Shape) = "shape+shape"
combine(a::Polygon, b::Shape) = "polygon+shape"
combine(a::Polygon, b::Polygon) = "polygon+polygon"
combine(a::Square, b::Polygon) = "square+polygon"
println(combine(Circle(1.0), Square(1.0)))
println(combine(Triangle(1.0, 1.0, 1.0), Circle(1.0)))
println(combine(Triangle(1.0, 1.0, 1.0), Square(1.0)))
println(combine(Square(1.0), Triangle(1.0, 1.0, 1.0)))
println(combine(Square(1.0), Circle(1.0)))
kind(x) = "any"
kind(x::Number) = "number"
kind(x::Integer) = "integer"
kind(x::Int) = "Int"
kind(x::AbstractString) = "string"
println(join([kind(1), kind(Int8(1)), kind(1.5), kind("a"), kind('a'), kind(nothing)], ", "))
struct Money
    cents::Int
end
Base.:+(a::Money, b::Money) = Money(a.cents + b.cents)
Base.:*(a::Money, k::Int) = Money(a.cents * k)
Base.:*(k::Int, a::Money) = a * k
Base.show(io::IO, m::Money) = print(io, "\$", div(m.cents, 100), ".", lpad(m.cents % 100, 2, '0'))
Base.isless(a::Money, b::Money) = a.cents < b.cents
Base.zero(::Type{Money}) = Money(0)
m = Money(150) + Money(275)
println(m)
println(2 * m, " ", m * 3)
println([Money(5), Money(1000)])
println(sum([Money(1), Money(2), Money(3)]))
println(max(Money(1), Money(7)), " ", Money(1) < Money(2))
println(sort([Money(30), Money(10), Money(20)]))
println(string(Money(99)), " ", repr(Money(1)))
