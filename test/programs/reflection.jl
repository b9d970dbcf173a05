# Method reflection: methods, @which, which, and Method fields
area(w::Int, h::Int) = w * h
area(w::Real, h::Real) = 2 * w * h
area(w, h) = w * h

println(methods(area))
println(length(methods(area)))

m = @which area(2, 3)
println(m)
println(m.name, " ", m.nargs, " ", m.line)
println(@which area("a", 3))
println(which(area, Tuple{Float64, Int}) === @which area(1.5, 2))
# the argument types may also be a tuple of types
println(which(area, (Int, Int)) === @which area(2, 3))
println(hasmethod(area, (Int, Int)), " ", hasmethod(area, (Int,)), " ", hasmethod(area, Tuple{String, Int}))
try
    which(area, 1)
catch e
    println(e)
end

scale(x::T, factors::T...) where {T<:Real} = x * prod(factors)
println(methods(scale))
println(scale(2, 3, 4))

struct Meters
    v::Float64
end
Base.show(io::IO, m::Meters) = print(io, m.v, " m")
println(Meters(2.5))
println((@which show(stdout, Meters(1.0))).module)
