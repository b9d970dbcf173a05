# Integer ranges.
abstract type AbstractRange{T} end
struct UnitRange{T} <: AbstractRange{T}
    start::T
    stop::T
end
struct StepRange{T} <: AbstractRange{T}
    start::T
    step::T
    stop::T
end
(:)(a::Int, b::Int) = UnitRange{Int}(a, b < a ? a - 1 : b)
function (:)(a::Int, s::Int, b::Int)
    s == 0 && throw(ArgumentError("step cannot be zero"))
    last = s > 0 ? (b < a ? a - s : b - rem(b - a, s)) : (b > a ? a - s : b - rem(b - a, s))
    StepRange{Int}(a, s, last)
end
length(r::UnitRange) = r.stop - r.start + 1
length(r::StepRange) = div(r.stop - r.start, r.step) + 1
first(r::AbstractRange) = r.start
last(r::UnitRange) = r.stop
last(r::StepRange) = r.stop
step(r::StepRange) = r.step
step(r::UnitRange) = 1
isempty(r::AbstractRange) = length(r) == 0
iterate(r::UnitRange) = r.start > r.stop ? nothing : (r.start, r.start)
iterate(r::UnitRange, i) = i >= r.stop ? nothing : (i + 1, i + 1)
iterate(r::StepRange) = isempty(r) ? nothing : (r.start, r.start)
iterate(r::StepRange, i) = i == r.stop ? nothing : (i + r.step, i + r.step)
function getindex(r::UnitRange, i::Int)
    (1 <= i <= length(r)) || throw(BoundsError(r, i))
    r.start + i - 1
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
reverse(r::UnitRange) = StepRange{Int}(r.stop, -1, r.start)
show(io::IO, r::StepRange) = (show(io, r.start); write(io, ":"); show(io, r.step); write(io, ":"); show(io, r.stop))
eltype(::Type{UnitRange{T}}) where T = T
show(io::IO, r::UnitRange) = (show(io, r.start); write(io, ":"); show(io, r.stop))
getindex(t::Tuple, r::UnitRange) = ccall(:jl_tuple_slice, Any, (Any, Int, Int), t, first(r), last(r))
