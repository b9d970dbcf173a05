# ranges are vectors: AbstractRange{T} <: AbstractVector{T}, with Julia's OrdinalRange and AbstractUnitRange
println(UnitRange{Int} <: AbstractVector, " ", StepRange{Int,Int} <: AbstractVector{Int}, " ", StepRangeLen{Float64} <: AbstractVector{Float64})
println(UnitRange{Int} <: AbstractUnitRange{Int}, " ", UnitRange{Int} <: OrdinalRange{Int,Int}, " ", StepRange{Int,Int} <: OrdinalRange)
println(StepRange{Int,Int} <: AbstractUnitRange, " ", AbstractRange{Int} <: AbstractArray{Int,1}, " ", UnitRange{Int} <: AbstractVector{Float64})
println(supertype(AbstractRange{Int}), " ", supertype(UnitRange{Int}), " ", supertype(StepRange{Int,Int}))
println(1:3 isa AbstractVector, " ", 1:2:7 isa AbstractVector{Int}, " ", 0.0:0.5:1.0 isa AbstractArray{Float64,1})
# they still print, compare and compute as ranges
println(1:3, " ", 1:2:7, " ", 0.1:0.1:0.5, " ", 1:0, " ", repr(1:3), " ", string(1:2:7))
display(1:3)
display(1:2:7)
println(collect(1:3) == 1:3, " ", 1:3 == collect(1:3), " ", 1:3 == 1:1:3, " ", 1:3 == [1, 2, 4], " ", Int[] == (1:0))
println(sum(1:100), " ", length(1:2:7), " ", (1:10)[3], " ", 5 in 1:10, " ", reverse(1:3), " ", copy(1:5))
println((1:3) .+ 1, " ", (1:3) .+ 1 == 2:4, " ", 2 .* (1:3), " ", (1:3) .- 1, " ", (1:3) .^ 2)
println((1:10)[2:4], " ", (1:10)[1:2:5], " ", collect(1:2:7), " ", collect(0x01:0x03), " ", [x for x in 1:3])
println(eltype(1:3), " ", size(1:3), " ", ndims(1:3), " ", first(1:3), " ", last(1:2:8), " ", length(0x01:0x03))
println(map(x -> x^2, 1:3), " ", filter(isodd, 1:5), " ", [1:3;], " ", vcat(1:2, 3:4), " ", maximum(1:4), " ", prod(1:5))
# methods for AbstractVector take ranges
describe(v::AbstractVector) = "$(length(v))-vector of $(eltype(v))"
describe(x) = "other"
println(describe(1:3), " ", describe(1:2:9), " ", describe(0.0:0.5:1.0), " ", describe((1, 2)))
total(v::AbstractVector{<:Integer}) = sum(v)
println(total(1:4), " ", total([1, 2]), " ", total(1:2:7))
ordinal(::OrdinalRange) = "ordinal"
ordinal(::AbstractRange) = "range"
println(ordinal(1:3), " ", ordinal(1:2:5), " ", ordinal(0.0:0.5:1.0))
