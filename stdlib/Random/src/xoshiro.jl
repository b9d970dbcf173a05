# Xoshiro256++ (Blackman and Vigna), the default generator, and the generators built on it.

"""
    Xoshiro(seed::Union{Integer, AbstractString})
    Xoshiro()

Xoshiro256++ pseudorandom number generator. An integer or string seed is hashed with SHA-256 into the state, as
Julia does, so `Xoshiro(seed)` gives Julia's stream for that seed; without a seed the state comes from entropy.
"""
mutable struct Xoshiro <: AbstractRNG
    s0::UInt64
    s1::UInt64
    s2::UInt64
    s3::UInt64
    s4::UInt64 # the state Julia uses to split off task generators (kept for equality with Julia's objects)
    Xoshiro(s0::Integer, s1::Integer, s2::Integer, s3::Integer, s4::Integer) =
        new(UInt64(s0), UInt64(s1), UInt64(s2), UInt64(s3), UInt64(s4))
end
Xoshiro(s0::Integer, s1::Integer, s2::Integer, s3::Integer) =
    initstate!(Xoshiro(0, 0, 0, 0, 0), UInt64(s0), UInt64(s1), UInt64(s2), UInt64(s3))
Xoshiro(seed) = seed!(Xoshiro(0, 0, 0, 0, 0), seed)
Xoshiro() = seed!(Xoshiro(0, 0, 0, 0, 0), nothing)

"""
    TaskLocalRNG

The default generator (`Random.default_rng()`): a Xoshiro256++ whose state Jolt keeps for the program (Jolt has
one task). It is seeded from entropy when first used, unless `Random.seed!` seeded it.
"""
struct TaskLocalRNG <: AbstractRNG end
TaskLocalRNG(::Nothing) = TaskLocalRNG()

mutable struct GlobalState
    x::Xoshiro
    seeded::Bool
end
# the default generator's state; seeded lazily, so that every process (not the saved Base image) draws entropy
const GLOBAL_STATE = GlobalState(Xoshiro(0, 0, 0, 0, 0), false)

@inline function xstate(::TaskLocalRNG)
    g = GLOBAL_STATE
    if !g.seeded
        seed!(g.x, nothing)
        g.seeded = true
    end
    g.x
end
@inline xstate(x::Xoshiro) = x

"""
    RandomDevice()

A generator that draws every value from the system's entropy source.
"""
struct RandomDevice <: AbstractRNG end
RandomDevice(::Nothing) = RandomDevice()
seed!(rng::RandomDevice) = rng
seed!(rng::RandomDevice, ::Nothing) = rng

"""
    MersenneTwister(seed)
    MersenneTwister()

In Jolt a `MersenneTwister` is backed by Xoshiro256++: it is seeded as Julia seeds one, but its stream is not the
dSFMT stream Julia's `MersenneTwister` produces.
"""
mutable struct MersenneTwister <: AbstractRNG
    x::Xoshiro
    seed::Any
end
MersenneTwister(seed) = MersenneTwister(Xoshiro(seed), seed)
MersenneTwister() = MersenneTwister(Xoshiro(), nothing)
@inline xstate(m::MersenneTwister) = m.x
seed!(m::MersenneTwister, seed) = (seed!(m.x, seed); m.seed = seed; m)
seed!(m::MersenneTwister) = seed!(m, nothing)

# the generators whose words come from a Xoshiro state
const XRNG = Union{Xoshiro, TaskLocalRNG, MersenneTwister}

default_rng() = TaskLocalRNG()
const GLOBAL_RNG = TaskLocalRNG()

entropy_u64() = ccall(:jl_entropy_u64, Any, ())::Int64 % UInt64

# one step of Xoshiro256++: the output word and the next state
@inline function xoshiro_step(s0::UInt64, s1::UInt64, s2::UInt64, s3::UInt64)
    tmp = s0 + s3
    res = ((tmp << 23) | (tmp >> 41)) + s0
    t = s1 << 17
    s2 = xor(s2, s0)
    s3 = xor(s3, s1)
    s1 = xor(s1, s2)
    s0 = xor(s0, s3)
    s2 = xor(s2, t)
    (res, s0, s1, s2, (s3 << 45) | (s3 >> 19))
end

# the next 64 random bits
@inline function next_u64(x::Xoshiro)
    res, x.s0, x.s1, x.s2, x.s3 = xoshiro_step(x.s0, x.s1, x.s2, x.s3)
    res
end
@inline next_u64(rng::XRNG) = next_u64(xstate(rng))
next_u64(::RandomDevice) = entropy_u64()

# sets the state and the split state derived from it, as Julia's `initstate!`
function initstate!(x::Xoshiro, s0::UInt64, s1::UInt64, s2::UInt64, s3::UInt64)
    x.s0 = s0
    x.s1 = s1
    x.s2 = s2
    x.s3 = s3
    x.s4 = s0 + 0x0000000000000003 * s1 + 0x0000000000000005 * s2 + 0x0000000000000007 * s3
    x
end

le_u64(b::Vector{UInt8}, o::Int) = begin
    v = UInt64(0)
    for i in 7:-1:0
        v = (v << 8) | UInt64(b[o + i + 1])
    end
    v
end

function seed_from_digest!(x::Xoshiro, d::Vector{UInt8})
    initstate!(x, le_u64(d, 0), le_u64(d, 8), le_u64(d, 16), le_u64(d, 24))
end

push_le32!(bytes::Vector{UInt8}, w::UInt32) = begin
    for k in 0:3
        push!(bytes, (w >> (8 * k)) % UInt8)
    end
    bytes
end

# The bytes Julia hashes for a seed: an integer as its 32-bit words, least significant first (a negative one as
# its complement, then a 0x01 byte); a string as its bytes, padding and 0x05; a vector of words as 64-bit words
# and 0x10.
function seed_bytes(seed::Integer)
    neg = seed < 0
    n = neg ? UInt128(~seed) : UInt128(seed)
    bytes = UInt8[]
    while true
        push_le32!(bytes, n % UInt32)
        n = n >> 32
        n == 0 && break
    end
    neg && push!(bytes, 0x01)
    bytes
end
seed_bytes(seed::Bool) = seed_bytes(Int(seed))
function seed_bytes(seed::AbstractString)
    s = String(seed)
    bytes = UInt8[codeunit(s, i) for i in 1:ncodeunits(s)]
    pad = 4 - mod(ncodeunits(s), 4)
    for _ in 1:pad
        push!(bytes, pad % UInt8)
    end
    push!(bytes, 0x05)
    bytes
end
function seed_bytes(seed::Union{Vector{UInt32}, Vector{UInt64}})
    bytes = UInt8[]
    for w in seed
        v = UInt64(w)
        push_le32!(bytes, v % UInt32)
        push_le32!(bytes, (v >> 32) % UInt32)
    end
    push!(bytes, 0x10)
    bytes
end
seed_bytes(seed) = throw(MethodError(seed!, (Xoshiro, seed)))

"""
    seed!([rng=default_rng()], seed) -> rng
    seed!([rng=default_rng()]) -> rng

Reseed the random number generator: `rng` gives a reproducible sequence of numbers if and only if a `seed` is
provided.
"""
function seed!(x::Xoshiro, seed)
    seed_from_digest!(x, sha256(seed_bytes(seed)))
end
function seed!(x::Xoshiro, ::Nothing)
    initstate!(x, entropy_u64(), entropy_u64(), entropy_u64(), entropy_u64())
end
seed!(x::Xoshiro) = seed!(x, nothing)
function seed!(rng::TaskLocalRNG, seed)
    g = GLOBAL_STATE
    seed!(g.x, seed)
    g.seeded = true
    rng
end
seed!(rng::TaskLocalRNG) = seed!(rng, nothing)
seed!(seed) = seed!(default_rng(), seed)
seed!() = seed!(default_rng(), nothing)

copy(x::Xoshiro) = Xoshiro(x.s0, x.s1, x.s2, x.s3, x.s4)
copy(rng::TaskLocalRNG) = copy(xstate(rng))
copy(m::MersenneTwister) = MersenneTwister(copy(m.x), m.seed)
function copy!(dst::Xoshiro, src::Union{Xoshiro, TaskLocalRNG})
    s = xstate(src)
    dst.s0, dst.s1, dst.s2, dst.s3, dst.s4 = s.s0, s.s1, s.s2, s.s3, s.s4
    dst
end
function copy!(dst::TaskLocalRNG, src::Xoshiro)
    copy!(xstate(dst), src)
    dst
end

==(a::Xoshiro, b::Xoshiro) = a.s0 == b.s0 && a.s1 == b.s1 && a.s2 == b.s2 && a.s3 == b.s3 && a.s4 == b.s4
==(a::Xoshiro, b::TaskLocalRNG) = a == xstate(b)
==(a::TaskLocalRNG, b::Xoshiro) = xstate(a) == b
==(a::MersenneTwister, b::MersenneTwister) = a.x == b.x

Base.show(io::IO, ::TaskLocalRNG) = print(io, "TaskLocalRNG()")
Base.show(io::IO, ::RandomDevice) = print(io, "RandomDevice()")
function Base.show(io::IO, m::MersenneTwister)
    m.seed === nothing ? print(io, "MersenneTwister()") : print(io, "MersenneTwister(", m.seed, ")")
end
