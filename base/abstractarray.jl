# What every AbstractArray has from its `size` and `getindex` (a type of the program's, such as
# `struct Buf{T} <: AbstractVector{T}`, defines those two); Array's own methods are more specific.
IndexStyle(::Type{<:Array}) = IndexLinear()
eltype(::Type{<:AbstractArray{T}}) where T = T
ndims(A::AbstractArray{T,N}) where {T,N} = N
length(A::AbstractArray) = prod(size(A))
size(A::AbstractArray, d::Int) = d <= ndims(A) ? size(A)[d] : 1
isempty(A::AbstractArray) = length(A) == 0
firstindex(A::AbstractArray) = 1
lastindex(A::AbstractArray) = length(A)
eachindex(A::AbstractArray) = 1:length(A)
axes(A::AbstractArray) = map_tuple(n -> 1:n, size(A))
axes(A::AbstractArray, d::Int) = 1:size(A, d)
keys(A::AbstractVector) = 1:length(A)
iterate(A::AbstractArray, i=1) = i > length(A) ? nothing : (A[i], i + 1)
first(A::AbstractArray) = (isempty(A) && throw(BoundsError(A, 1)); A[1])
last(A::AbstractArray) = A[length(A)]
checkbounds(::Type{Bool}, A::AbstractArray, i::Integer) = 1 <= i <= length(A)
checkbounds(A::AbstractArray, i::Integer) = (checkbounds(Bool, A, i) || throw(BoundsError(A, i)); nothing)
function ==(A::AbstractArray, B::AbstractArray)
    size(A) == size(B) || return false
    anymissing = false
    for i in 1:length(A)
        eq = A[i] == B[i]
        if eq === missing
            anymissing = true
        elseif !eq
            return false
        end
    end
    anymissing ? missing : true
end
isequal(A::AbstractArray, B::AbstractArray) = size(A) == size(B) && _elementwise_isequal(A, B)
function collect(A::AbstractArray{T}) where T
    v = Vector{T}(undef, length(A))
    for i in 1:length(A)
        v[i] = A[i]
    end
    v
end
copy(A::AbstractVector) = collect(A)
similar(A::AbstractVector{T}) where T = Vector{T}(undef, length(A))
function show(io::IO, A::AbstractVector)
    print(io, "[")
    for i in 1:length(A)
        i > 1 && print(io, ", ")
        show(io, A[i])
    end
    print(io, "]")
end
getindex(A::AbstractVector, r::AbstractRange) = [A[i] for i in r]
getindex(A::AbstractVector, I::Vector{Int}) = [A[i] for i in I]
convert(::Type{Array}, A::AbstractVector) = collect(A)
convert(::Type{Vector}, A::AbstractVector) = collect(A)
convert(::Type{Vector{T}}, A::AbstractVector) where T = Vector{T}(A)
(::Type{Array})(A::AbstractVector) = collect(A)
(::Type{Vector})(A::Union{AbstractVector,AbstractRange}) = collect(A)
(::Type{Vector})() = Vector{Any}(undef, 0)
function (::Type{Vector{T}})(A::Union{AbstractVector,AbstractRange}) where T
    v = Vector{T}(undef, length(A))
    i = 0
    for x in A
        v[i+=1] = x
    end
    v
end
convert(::Type{Vector{T}}, A::Vector{T}) where T = A
# Bool arrays: Julia packs them into bits (BitArray); here they are arrays of Bool under those names
const BitArray = Array{Bool}
const BitVector = Vector{Bool}
const BitMatrix = Matrix{Bool}
(::Type{Array{T}})(A::AbstractVector) where T = Vector{T}(A)
