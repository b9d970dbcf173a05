# Channel: values passed from a producer to a consumer. Jolt runs no tasks concurrently yet: `Channel(f)` runs the
# producer f to its end at once, buffering what it puts, and the consumer then takes the values in order. (So a
# producer that never ends, or one that waits for its consumer, does not work yet.)
struct InvalidStateException <: Exception
    msg::String
    state::Symbol
end
showerror(io::IO, e::InvalidStateException) = print(io, "InvalidStateException: ", e.msg)

mutable struct Channel{T}
    data::Vector{T}
    head::Int
    isopen::Bool
    sz_max::Int
end
(::Type{Channel{T}})(sz::Integer=0) where T = Channel{T}(T[], 1, true, Int(sz))
Channel(sz::Integer=0) = Channel{Any}(sz)
# (no keywords here: `spawn` has no meaning while the producer runs at once)
function (::Type{Channel{T}})(f::Function) where T
    ch = Channel{T}(0)
    f(ch)
    close(ch)
    ch
end
Channel(f::Function; ctype=Any, csize::Integer=0, spawn::Bool=false) = Channel{ctype}(f)
function put!(c::Channel, v)
    c.isopen || throw(InvalidStateException("Channel is closed.", :closed))
    push!(c.data, v)
    v
end
function take!(c::Channel)
    c.head > length(c.data) && throw(InvalidStateException("Channel is closed.", :closed))
    v = c.data[c.head]
    c.head += 1
    v
end
fetch(c::Channel) = c.head > length(c.data) ? throw(InvalidStateException("Channel is closed.", :closed)) : c.data[c.head]
close(c::Channel) = (c.isopen = false; nothing)
isopen(c::Channel) = c.isopen
isready(c::Channel) = c.head <= length(c.data)
isempty(c::Channel) = !isready(c)
eltype(::Type{Channel{T}}) where T = T
iterate(c::Channel, state=nothing) = isready(c) ? (take!(c), nothing) : nothing
show(io::IO, c::Channel{T}) where T = print(io, "Channel{", T, "}(", c.sz_max, ") (", isready(c) ? "$(length(c.data) - c.head + 1) items available" : c.isopen ? "empty" : "closed", ")")
