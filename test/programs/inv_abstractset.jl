# inv, the quotient of any two integers, and AbstractSet above Set
println(inv(2), " ", inv(2.0), " ", inv(2im), " ", inv(Int32(4)))
println(UInt8(3) / Int16(4), " ", Int32(1) / Int32(8), " ", true / 2, " ", typeof(Int8(1) / Int8(2)))
s = Set([1, 2])
println(s isa AbstractSet, " ", AbstractSet{Int} >: typeof(s), " ", supertype(Set{Int}))
count_members(x::AbstractSet) = length(x)
count_members(x) = -1
println(count_members(s), " ", count_members([1]))
# a set type of the program's own gets AbstractSet's equality
struct Bag{T} <: AbstractSet{T}
    items::Vector{T}
end
Base.length(b::Bag) = length(unique(b.items))
Base.iterate(b::Bag, i...) = iterate(unique(b.items), i...)
Base.in(x, b::Bag) = x in b.items
println(Bag([1, 2, 2]) == Bag([2, 1]), " ", Bag([1]) == Bag([2]), " ", Bag(Int[]) == Bag(Int[]), " ", Set([1, 2]) == Bag([2, 1]))
