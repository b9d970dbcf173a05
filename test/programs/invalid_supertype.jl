# Only an abstract type can be a supertype: anything else is an error at the definition (a value as supertype used
# to leave a type whose supertype chain never ended, and printing a vector of it hung).
abstract type Shape end
struct Square <: Shape
    side::Float64
end
println(Square(2.0) isa Shape)
for def in (:(struct R <: 1 end), :(struct R2 <: Int end), :(struct R3 <: Tuple{Int} end), :(abstract type R4 <: Type{Int} end))
    try
        eval(def)
    catch e
        println(typeof(e), ": ", e.msg)
    end
end
