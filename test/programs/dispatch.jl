# multiple dispatch, parametric methods, specificity, extending Base
abstract type Animal end
struct Dog <: Animal
    name::String
end
struct Cat <: Animal
    name::String
end
meet(a::Animal, b::Animal) = "$(a.name) ignores $(b.name)"
meet(a::Dog, b::Cat) = "$(a.name) chases $(b.name)"
meet(a::Cat, b::Dog) = "$(a.name) hisses at $(b.name)"
d = Dog("Rex"); c = Cat("Tom")
println(meet(d, c))
println(meet(c, d))
println(meet(d, Dog("Fido")))
firstelt(v::Vector{T}) where {T} = (T, v[1])
println(firstelt([1.5, 2.5]))
same(x::T, y::T) where {T} = "same type"
same(x, y) = "different types"
println(same(1, 2), ", ", same(1, 2.0))
struct Vec2
    x::Int
    y::Int
end
Base.:+(a::Vec2, b::Vec2) = Vec2(a.x + b.x, a.y + b.y)
Base.show(io::IO, v::Vec2) = print(io, "<", v.x, ",", v.y, ">")
println(Vec2(1, 2) + Vec2(3, 4))
println([Vec2(0, 1)])
println(typeof(meet), " ", isa(d, Animal), " ", Dog <: Animal)
