# Structs, tuples, arrays, strings, dispatch on types.
struct Point
    x::Float64
    y::Float64
end
mutable struct Counter
    n::Int
end
h1(p::Point) = p.x + p.y
h2(x, y) = Point(x, y)
h3(c::Counter) = (c.n += 1; c.n)
h4(t) = t[1] + t[2]
h5(a, b) = (a, b)
h6(v::Vector{Float64}, i) = v[i] * 2
h7(s::String) = length(s)
h8(x) = string(x)
area(r::Float64) = 3.0 * r * r
area(s::Int) = s * s
h9(x) = area(x)
h10(xs) = sum(xs)
h11(v) = push!(v, 1)
h12(d::Dict{String,Int}, k) = d[k]
@code_typed h1(Point(1.0, 2.0))
@code_typed h2(1.0, 2.0)
@code_typed h3(Counter(0))
@code_typed h4((1, 2))
@code_typed h5(1, "a")
@code_typed h6([1.0], 1)
@code_typed h7("abc")
@code_typed h8(12)
@code_typed h9(2.0)
@code_typed h9(3)
@code_typed h10([1, 2, 3])
@code_typed h11([1])
@code_typed h12(Dict("a" => 1), "a")
