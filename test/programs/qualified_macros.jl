# A macro named through its module (`Base.@kwdef`), @kwdef's keyword constructor, @propagate_inbounds, and an
# operator alone quoted (`:(::)`)
Base.@kwdef struct P
    a::Int = 1
    "the b field"
    b = "x"
    c::Float64
end
println(P(c = 2.0))
println(P(a = 5, b = 7, c = 1))
try
    P()
catch e
    println(typeof(e), ": ", e.var)
end

@kwdef mutable struct Q{T} <: Real
    x::T = 3
end
q = Q(x = 1.5)
q.x = 2.5
println(q.x, " ", typeof(q), " ", q isa Real)

Base.@propagate_inbounds first2(v) = v[1] + v[2]
println(first2([3, 4]))
println(Base.@inbounds [10, 20][2])
t = Base.@elapsed sum(1:10)
println(t >= 0)

println(:(::), " ", :(<:), " ", :(+), " ", typeof(:(::)), " ", :(a::b).head === :(::))
println(:(Base.@m a b).args[1].args[2].value)
try
    eval(:(Base.@nosuch 1))
catch e
    println(typeof(e), " ", e.var, " ", e.scope)
end

# a module interpolated before a field access keeps the field quoted
macro viabase(x)
    return esc(:($Base.string($x, "!")))
end
println(@viabase(5), " ", typeof(:($Base.f).args[2]))
