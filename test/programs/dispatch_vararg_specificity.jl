# A method with a vararg tail is compared with the others at the call's arity: f(r::R, d::Integer...) is more
# specific than f(r::R, x) for f(r, 3), as Random's rand(rng, dims...) is than rand(rng, X).
abstract type AR end
struct XR <: AR end
f(r::AR, X) = "one value"
f(r::AR, d::Integer, dims::Integer...) = "dims"
f(X, d::Integer, dims::Integer...) = "type and dims"
println(f(XR(), 3))
println(f(XR(), 3, 4))
println(f(XR(), "x"))
println(f(Float64, 3))
