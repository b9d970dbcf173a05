# a vector type of the program's own (size and getindex), Channel, Core.eval, kinds in dispatch
struct Squares <: AbstractVector{Int}
    n::Int
end
Base.size(s::Squares) = (s.n,)
Base.IndexStyle(::Type{<:Squares}) = IndexLinear()
Base.@propagate_inbounds function Base.getindex(s::Squares, i::Int)
    @boundscheck checkbounds(s, i)
    i^2
end
s = Squares(4)
println(length(s), " ", sum(s), " ", collect(s), " ", s[2:3], " ", eltype(s), " ", IndexStyle(s))
println(s == [1, 4, 9, 16], " ", first(s), " ", last(s), " ", [x + 1 for x in s])
try
    s[5]
catch e
    println(typeof(e))
end
println(convert(Array, s))
c = Channel(ch -> (for i in 1:3; put!(ch, i^2); end))
println(sum(c))
d = Channel{Int}(10)
put!(d, 5); put!(d, 6)
println(take!(d), " ", isready(d))
close(d)
for x in d
    println(x)
end
try
    put!(d, 1)
catch e
    println(e)
end
Core.eval(Main, :(double(x) = 2x))
println(double(21))
g(::Type{T}, x) where {T<:Integer} = T(x)
k(ts::Vector{DataType}, x) = g(ts[1], x)
println(k(DataType[Int8], 3), " ", typeof(k(DataType[Int8], 3)))
println(parse.(Int, ["1", "2"]))
h(::Type{Array{T}}) where T = T
println(h(Array{String}), " ", Array{String} isa (Type{Array{T}} where T))
