# CartesianIndex and CartesianIndices: an array's elements by their index along each dimension.
struct CartesianIndex{N}
    I::NTuple{N,Int}
end
CartesianIndex(I::Int...) = CartesianIndex(I)
getindex(c::CartesianIndex, i::Int) = c.I[i]
Tuple(c::CartesianIndex) = c.I
length(c::CartesianIndex{N}) where N = N
==(a::CartesianIndex, b::CartesianIndex) = a.I == b.I
isless(a::CartesianIndex, b::CartesianIndex) = isless(reverse(a.I), reverse(b.I))
(+)(a::CartesianIndex{N}, b::CartesianIndex{N}) where N = CartesianIndex(map(+, a.I, b.I))
(-)(a::CartesianIndex{N}, b::CartesianIndex{N}) where N = CartesianIndex(map(-, a.I, b.I))
show(io::IO, c::CartesianIndex) = (print(io, "CartesianIndex("); join(io, c.I, ", "); print(io, ")"))
getindex(A::Array, c::CartesianIndex) = A[c.I...]
setindex!(A::Array, v, c::CartesianIndex) = setindex!(A, v, c.I...)

struct CartesianIndices{N}
    dims::NTuple{N,Int}
end
CartesianIndices(A::Union{AbstractArray,AbstractRange}) = CartesianIndices(size(A))
size(C::CartesianIndices) = C.dims
length(C::CartesianIndices) = prod(C.dims)
ndims(C::CartesianIndices{N}) where N = N
eltype(::Type{CartesianIndices{N}}) where N = CartesianIndex{N}
getindex(C::CartesianIndices, i::Int) = CartesianIndex(_bc_cartesian(C.dims, i))
getindex(C::CartesianIndices{N}, I::Vararg{Int,N}) where N = CartesianIndex(I)
first(C::CartesianIndices) = C[1]
last(C::CartesianIndices) = C[length(C)]
function iterate(C::CartesianIndices, i::Int=1)
    i > length(C) && return nothing
    (CartesianIndex(_bc_cartesian(C.dims, i)), i + 1)
end
collect(C::CartesianIndices) = reshape(CartesianIndex[C[i] for i in 1:length(C)], C.dims...)
show(io::IO, C::CartesianIndices) = (print(io, "CartesianIndices("); show(io, C.dims); print(io, ")"))
