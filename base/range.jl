# Integer ranges. As in Julia, a range is a vector: AbstractRange{T} <: AbstractVector{T}, with
# OrdinalRange{T,S} (a step of type S) and AbstractUnitRange{T} (step 1) below it.
abstract type AbstractRange{T} <: AbstractArray{T,1} end
abstract type OrdinalRange{T,S} <: AbstractRange{T} end
abstract type AbstractUnitRange{T} <: OrdinalRange{T,T} end
struct UnitRange{T} <: AbstractUnitRange{T}
    start::T
    stop::T
end
# the step may be of another type than the elements (Date(2020, 1, 1):Day(1):Date(2020, 2, 1))
struct StepRange{T,S} <: OrdinalRange{T,S}
    start::T
    step::S
    stop::T
end
(:)(a::Int, b::Int) = UnitRange{Int}(a, b < a ? a - 1 : b)
function (:)(a::Int, s::Int, b::Int)
    s == 0 && throw(ArgumentError("step cannot be zero"))
    last = s > 0 ? (b < a ? a - s : b - rem(b - a, s)) : (b > a ? a - s : b - rem(b - a, s))
    StepRange{Int,Int}(a, s, last)
end
# more elements than the integer type counts (typemin(Int):typemax(Int)) is Julia's OverflowError
function length(r::UnitRange)
    n = r.stop - r.start
    (r.stop >= r.start) & (n < zero(n)) &&
        throw(OverflowError(string(r.stop, " - ", r.start, " overflowed for type ", typeof(n))))
    n == typemax(typeof(n)) && throw(OverflowError(string(n, " + 1 overflowed for type ", typeof(n))))
    n + one(n)
end
length(r::StepRange) = div(r.stop - r.start, r.step) + 1
first(r::AbstractRange) = r.start
last(r::UnitRange) = r.stop
last(r::StepRange) = r.stop
step(r::StepRange) = r.step
step(r::UnitRange) = 1
isempty(r::AbstractRange) = length(r) == 0
# (by the ends: the length of typemin(Int):typemax(Int) overflows)
isempty(r::UnitRange) = r.start > r.stop
isempty(r::StepRange{<:Any,<:Signed}) = r.step > zero(r.step) ? r.start > r.stop : r.start < r.stop
iterate(r::UnitRange) = r.start > r.stop ? nothing : (r.start, r.start)
iterate(r::UnitRange, i) = i >= r.stop ? nothing : (i + one(i), i + one(i))
# (false + true is an Int: false:true gives false, true)
iterate(r::UnitRange{Bool}, i::Bool) = i >= r.stop ? nothing : (true, true)
iterate(r::StepRange) = isempty(r) ? nothing : (r.start, r.start)
iterate(r::StepRange, i) = i == r.stop ? nothing : (i + r.step, i + r.step)
function getindex(r::UnitRange, i::Int)
    (1 <= i <= length(r)) || throw(BoundsError(r, i))
    oftype(r.start, r.start + (i - 1))
end
getindex(r::StepRange, i::Int) = r.start + (i - 1) * r.step
# indexing a unit range by a range gives a range
function getindex(r::UnitRange, s::Union{UnitRange,StepRange})
    isempty(s) || (1 <= min(first(s), last(s)) && max(first(s), last(s)) <= length(r)) || throw(BoundsError(r, s))
    s isa UnitRange ? ((r.start + s.start - 1):(r.start + s.stop - 1)) : ((r.start + s.start - 1):s.step:(r.start + s.stop - 1))
end
firstindex(r::AbstractRange) = 1
lastindex(r::AbstractRange) = length(r)
in(x::Int, r::UnitRange) = r.start <= x <= r.stop
reverse(r::UnitRange) = StepRange{Int,Int}(r.stop, -1, r.start)
# (an unsigned step wraps around: reverse(0x01:0x03:0x04) steps by 0xfd)
reverse(r::StepRange{T,S}) where {T,S} = StepRange{T,S}(r.stop, -r.step, r.start)
# Char ranges step by an Int: 'a':'e' is a StepRange{Char, Int64}, as in Julia
(:)(a::Char, b::Char) = (:)(a, 1, b)
function (:)(a::Char, s::Integer, b::Char)
    s == 0 && throw(ArgumentError("step cannot be zero"))
    n = b - a
    last = (s > 0 ? n < 0 : n > 0) ? a - Int(s) : a + (n - rem(n, Int(s)))
    StepRange{Char,Int}(a, Int(s), last)
end
show(io::IO, r::StepRange) = (show(io, r.start); write(io, ":"); show(io, r.step); write(io, ":"); show(io, r.stop))
eltype(::Type{UnitRange{T}}) where T = T
eltype(::Type{StepRange{T,S}}) where {T,S} = T
show(io::IO, r::UnitRange) = (show(io, r.start); write(io, ":"); show(io, r.stop))
getindex(t::Tuple, r::UnitRange) = ccall(:jl_tuple_slice, Any, (Any, Int, Int), t, first(r), last(r))
eachindex(r::AbstractRange) = 1:length(r)
# other integer types keep theirs: 0x01:0x03 is a UnitRange{UInt8}
(:)(a::T, b::T) where {T<:Integer} = UnitRange{T}(a, b < a ? a - one(a) : b)
# a range equals a vector or a range with the same elements (tuple.jl _elementwise_eq)
==(a::AbstractRange, b::AbstractRange) = _elementwise_eq(a, b)
==(a::Vector, b::AbstractRange) = _elementwise_eq(a, b)
==(a::AbstractRange, b::Vector) = _elementwise_eq(a, b)
# mixed endpoints promote: 1:2.5 is a Float64 range
(:)(a::Real, b::Real) = (:)(promote(a, b)...)
(:)(a::Real, s::Real, b::Real) = a isa AbstractFloat || s isa AbstractFloat || b isa AbstractFloat ?
    (:)(Float64(a), Float64(s), Float64(b)) : (:)(Int(a), Int(s), Int(b))

# Float64 ranges. Like Julia, elements are computed exactly when start, step and stop are ratios with a common
# small denominator (0.1:0.1:0.3 has exactly 0.1, 0.2, 0.3): element i is (n0 + (i-1)*ns) / den.
struct StepRangeLen{T} <: AbstractRange{T}
    n0::Float64
    ns::Float64
    den::Float64
    len::Int
end
function _common_denominator(xs::Float64...)
    for d in (1.0, 2.0, 4.0, 5.0, 8.0, 10.0, 16.0, 20.0, 25.0, 50.0, 100.0, 1000.0, 1.0e4, 1.0e5, 1.0e6, 1.0e7, 1.0e8)
        # x*d an integer, allowing for the rounding of decimal fractions like 0.1
        all(x -> abs(x * d - round(x * d)) <= 1.0e-9 * abs(x * d) + 1.0e-12, xs) && return d
    end
    0.0
end
(:)(a::Float64, b::Float64) = (:)(a, 1.0, b)
function (:)(a::Float64, s::Float64, b::Float64)
    s == 0.0 && throw(ArgumentError("range step cannot be zero"))
    d = _common_denominator(a, s, b)
    if d > 0.0
        n0, ns, nb = round(a * d), round(s * d), round(b * d)
        len = max(0, Int(floor((nb - n0) / ns)) + 1)
        return StepRangeLen{Float64}(n0, ns, d, len)
    end
    StepRangeLen{Float64}(a, s, 1.0, max(0, Int(floor((b - a) / s)) + 1))
end
length(r::StepRangeLen) = r.len
reverse(r::StepRangeLen{T}) where {T} = StepRangeLen{T}(r.n0 + (r.len - 1) * r.ns, -r.ns, r.den, r.len)
getindex(r::StepRangeLen, i::Int) = (1 <= i <= r.len || throw(BoundsError(r, i)); (r.n0 + (i - 1) * r.ns) / r.den)
first(r::StepRangeLen) = r.n0 / r.den
last(r::StepRangeLen) = r[r.len]
step(r::StepRangeLen) = r.ns / r.den
iterate(r::StepRangeLen, i::Int=0) = i >= r.len ? nothing : (r[i + 1], i + 1)
eltype(::Type{StepRangeLen{T}}) where {T} = T
show(io::IO, r::StepRangeLen) = (show(io, first(r)); write(io, ":"); show(io, step(r)); write(io, ":"); show(io, r.len == 0 ? first(r) - step(r) : last(r)))
size(r::AbstractRange) = (length(r),)
ndims(r::AbstractRange) = 1
(-)(r::AbstractRange{<:Integer}) = -first(r):-step(r):-last(r)
# arithmetic of a range and a number is a range again
(+)(r::AbstractRange{<:Integer}, x::Integer) = (first(r) + x):step(r):(last(r) + x)
(+)(r::UnitRange{T}, x::Integer) where {T<:Integer} = (first(r) + x):(last(r) + x)
(-)(r::UnitRange{T}, x::Integer) where {T<:Integer} = (first(r) - x):(last(r) - x)
(+)(x::Integer, r::AbstractRange{<:Integer}) = r + x
(-)(r::AbstractRange{<:Integer}, x::Integer) = (first(r) - x):step(r):(last(r) - x)
(*)(x::Integer, r::AbstractRange{<:Integer}) = (x * first(r)):(x * step(r)):(x * last(r))
(*)(r::AbstractRange{<:Integer}, x::Integer) = x * r
(/)(r::AbstractRange{<:Integer}, x::Real) = (first(r) / x):(step(r) / x):(last(r) / x)
(*)(x::AbstractFloat, r::AbstractRange{<:Integer}) = (x * first(r)):(x * step(r)):(x * last(r))
(*)(r::AbstractRange{<:Integer}, x::AbstractFloat) = x * r
# broadcasting + - * over a range and a number gives a range, as in Julia
broadcasted(::typeof(+), r::AbstractRange{<:Integer}, x::Integer) = r + x
broadcasted(::typeof(+), x::Integer, r::AbstractRange{<:Integer}) = r + x
broadcasted(::typeof(-), r::AbstractRange{<:Integer}, x::Integer) = r - x
broadcasted(::typeof(*), x::Integer, r::AbstractRange{<:Integer}) = x * r
broadcasted(::typeof(*), r::AbstractRange{<:Integer}, x::Integer) = x * r
# a range collects by iterating (its length may be of its element type: length(0x01:0x03) === 0x03)
function collect(r::AbstractRange{T}) where T
    v = Vector{T}(undef, Int(length(r)))
    i = 0
    for x in r
        i += 1
        v[i] = x
    end
    v
end
copy(r::AbstractRange) = r
