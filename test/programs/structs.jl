# structs, parametric types, dispatch
abstract type Shape end
struct Circle <: Shape
    r::Float64
end
struct Rect <: Shape
    w::Float64
    h::Float64
end
area(c::Circle) = 3.0 * c.r^2
area(r::Rect) = r.w * r.h
shapes = [Circle(1.0), Rect(2.0, 3.0)]
for s in shapes
    println(area(s))
end
println(Circle(2))
struct Pt{T}
    x::T
    y::T
end
p = Pt(1, 2)
println(p, " ", typeof(p))
q = Pt(1.5, 2.5)
println(typeof(q))
mutable struct Account
    balance::Int
end
acc = Account(10)
acc.balance += 5
println(acc.balance)
describe(x::Int) = "int"
describe(x::Real) = "real"
describe(x) = "other"
println(describe(1), " ", describe(1.5), " ", describe("s"))
println(Circle <: Shape, " ", isa(1, Integer), " ", supertype(Int64))
