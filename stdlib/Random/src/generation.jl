# Uniform generation. A request `rand(rng, X)` first makes a sampler for X (once per array for `rand(rng, X, dims)`),
# then draws from it; the samplers consume the generator's words exactly as Julia's do.

abstract type Sampler{T} end

# a type: its values (integers: all of them; floats: [0, 1))
struct SamplerType{T} <: Sampler{T} end
# a value with no special sampling: `rand` on it is a MethodError
struct SamplerTrivial{T} <: Sampler{T}
    self::T
end

const BitInteger32 = Union{Int8, UInt8, Int16, UInt16, Int32, UInt32}
const BitInteger64 = Union{BitInteger32, Int64, UInt64}
const BitInt = Union{BitInteger64, Int128, UInt128}

# The sampler of X; `many` tells that many values will be drawn (arrays), which changes how strings and unordered
# collections are sampled, as in Julia.
sampler(rng::AbstractRNG, ::Type{T}, many::Bool) where {T} = SamplerType{T}()
sampler(rng::AbstractRNG, x, many::Bool) = SamplerTrivial(x)
sampler(rng::AbstractRNG, sp::Sampler, many::Bool) = sp

# the element type of `rand(X)`
gentype(::Type{X}) where {X} = X
gentype(x) = eltype(x)

## the API

rand(rng::AbstractRNG, X) = rand(rng, sampler(rng, X, false))
rand(rng::AbstractRNG, ::Type{X}) where {X} = rand(rng, sampler(rng, X, false))
rand(rng::AbstractRNG) = rand(rng, SamplerType{Float64}())
rand() = rand(default_rng(), SamplerType{Float64}())
rand(X) = rand(default_rng(), X)
rand(::Type{X}) where {X} = rand(default_rng(), X)

const Dims = Tuple{Vararg{Int}}
todims(dims) = map(Int, dims)
# an uninitialized array of the given dimensions
newarray(::Type{T}, dims::Dims) where {T} =
    length(dims) == 1 ? Vector{T}(undef, dims[1]) : Array{T, length(dims)}(undef, dims...)

rand(rng::AbstractRNG, d::Integer, dims::Integer...) = rand(rng, Float64, todims((d, dims...)))
rand(d::Integer, dims::Integer...) = rand(default_rng(), Float64, todims((d, dims...)))
# a tuple of Ints after a generator is a collection to pick from, not dimensions
rand(rng::AbstractRNG, X::Dims) = rand(rng, sampler(rng, X, false))
rand(rng::AbstractRNG, X, dims::Dims) = rand!(rng, newarray(gentype(X), dims), X)
rand(rng::AbstractRNG, ::Type{X}, dims::Dims) where {X} = rand!(rng, newarray(X, dims), X)
rand(X, dims::Dims) = rand(default_rng(), X, dims)
rand(::Type{X}, dims::Dims) where {X} = rand(default_rng(), X, dims)
rand(rng::AbstractRNG, X, d::Integer, dims::Integer...) = rand(rng, X, todims((d, dims...)))
rand(rng::AbstractRNG, ::Type{X}, d::Integer, dims::Integer...) where {X} = rand(rng, X, todims((d, dims...)))
rand(X, d::Integer, dims::Integer...) = rand(default_rng(), X, todims((d, dims...)))
rand(::Type{X}, d::Integer, dims::Integer...) where {X} = rand(default_rng(), X, todims((d, dims...)))

"""
    rand!([rng=default_rng()], A, [S=eltype(A)])

Populate the array `A` with random values drawn from `S` (a type or a collection, as for [`rand`](@ref)).
"""
function rand! end
rand!(A::AbstractArray) = rand!(default_rng(), A, sampler(default_rng(), eltype(A), true))
rand!(A::AbstractArray, X) = rand!(default_rng(), A, sampler(default_rng(), X, true))
rand!(A::AbstractArray, ::Type{X}) where {X} = rand!(default_rng(), A, sampler(default_rng(), X, true))
rand!(rng::AbstractRNG, A::AbstractArray) = rand!(rng, A, sampler(rng, eltype(A), true))
rand!(rng::AbstractRNG, A::AbstractArray, X) = rand!(rng, A, sampler(rng, X, true))
rand!(rng::AbstractRNG, A::AbstractArray, ::Type{X}) where {X} = rand!(rng, A, sampler(rng, X, true))
function rand!(rng::AbstractRNG, A::AbstractArray, sp::Sampler)
    for i in eachindex(A)
        A[i] = rand(rng, sp)
    end
    A
end

## types

const TWO_M53 = reinterpret(Float64, 0x3ca0000000000000)  # 2^-53
const TWO_M24 = reinterpret(Float32, 0x33800000)          # 2^-24

rand(rng::AbstractRNG, ::SamplerType{UInt64}) = next_u64(rng)
# narrower integers take the upper bits of a word
rand(rng::AbstractRNG, ::SamplerType{T}) where {T<:Union{Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64}} =
    (next_u64(rng) >> (64 - 8 * sizeof(T))) % T
rand(rng::AbstractRNG, ::SamplerType{Bool}) = (next_u64(rng) >> 56) & 0x0000000000000001 == 0x0000000000000001
function rand(rng::AbstractRNG, ::SamplerType{UInt128})
    hi = next_u64(rng)
    lo = next_u64(rng)
    (UInt128(hi) << 64) | UInt128(lo)
end
rand(rng::AbstractRNG, ::SamplerType{Int128}) = rand(rng, SamplerType{UInt128}()) % Int128
rand(rng::AbstractRNG, ::SamplerType{Float64}) = Float64(next_u64(rng) >> 11) * TWO_M53
rand(rng::AbstractRNG, ::SamplerType{Float32}) = Float32((next_u64(rng) >> 40) % UInt32) * TWO_M24
rand(rng::AbstractRNG, ::SamplerType{Complex{T}}) where {T<:Real} =
    complex(rand(rng, SamplerType{T}()), rand(rng, SamplerType{T}()))
# a valid Unicode scalar value (0 - 0xd7ff, 0xe000 - 0x10ffff)
function rand(rng::AbstractRNG, ::SamplerType{Char})
    c = rand(rng, ndl(0x00000000:0x0010f7ff))
    c < 0xd800 ? Char(c) : Char(c + 0x00000800)
end
rand(rng::AbstractRNG, ::SamplerType{T}) where {T} =
    throw(ArgumentError(string("Sampler for this object is not defined: ", T)))

## integer ranges: Lemire's nearly divisionless method (Julia's SamplerRangeNDL)

struct SamplerNDL{U, T} <: Sampler{T}
    a::T  # the first element
    s::U  # the length, or zero for the full range of the type
end

uint_sup(::Type{T}) where {T<:BitInteger32} = UInt32
uint_sup(::Type{T}) where {T<:Union{Int64, UInt64}} = UInt64
uint_of(::Type{T}) where {T<:Union{Int8, UInt8}} = UInt8
uint_of(::Type{T}) where {T<:Union{Int16, UInt16}} = UInt16
uint_of(::Type{T}) where {T<:Union{Int32, UInt32}} = UInt32
uint_of(::Type{T}) where {T<:Union{Int64, UInt64}} = UInt64
uint_of(::Type{T}) where {T<:Union{Int128, UInt128}} = UInt128

function ndl(r::UnitRange{T}) where {T<:BitInteger64}
    last(r) < first(r) && throw(ArgumentError("collection must be non-empty"))
    U = uint_sup(T)
    s = (last(r) - first(r)) % uint_of(T) % U + one(U)
    SamplerNDL{U, T}(first(r), s)
end

# the high and low words of the 128-bit product
@inline function mul_hi(a::UInt64, b::UInt64)
    m32 = 0x00000000ffffffff
    a0 = a & m32
    a1 = a >> 32
    b0 = b & m32
    b1 = b >> 32
    p01 = a0 * b1
    p10 = a1 * b0
    mid = ((a0 * b0) >> 32) + (p01 & m32) + (p10 & m32)
    a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32)
end

function rand(rng::AbstractRNG, sp::SamplerNDL{UInt32, T}) where {T}
    s = UInt64(sp.s)
    x = next_u64(rng) >> 32
    m = x * s
    l = m & 0x00000000ffffffff
    if l < s
        t = UInt64(mod(-sp.s, sp.s))
        while l < t
            x = next_u64(rng) >> 32
            m = x * s
            l = m & 0x00000000ffffffff
        end
    end
    (s == 0 ? x : m >> 32) % T + sp.a
end

function rand(rng::AbstractRNG, sp::SamplerNDL{UInt64, T}) where {T}
    s = sp.s
    x = next_u64(rng)
    l = x * s
    if l < s
        t = mod(-s, s)
        while l < t
            x = next_u64(rng)
            l = x * s
        end
    end
    (s == 0 ? x : mul_hi(x, s)) % T + sp.a
end

# 128-bit ranges: rejection of masked words (Julia's SamplerRangeFast)
struct SamplerFast128{T} <: Sampler{T}
    a::T
    bw::Int
    m::UInt128
    mask::UInt128
end
function ndl(r::UnitRange{T}) where {T<:Union{Int128, UInt128}}
    last(r) < first(r) && throw(ArgumentError("collection must be non-empty"))
    m = (last(r) - first(r)) % UInt128
    bw = 128 - leading_zeros(m)
    mask = bw == 128 ? ~UInt128(0) : (UInt128(1) << bw) - UInt128(1)
    SamplerFast128{T}(first(r), bw, m, mask)
end
function rand(rng::AbstractRNG, sp::SamplerFast128{T}) where {T}
    if sp.bw <= 64
        m = sp.m % UInt64
        mask = sp.mask % UInt64
        x = next_u64(rng) & mask
        while x > m
            x = next_u64(rng) & mask
        end
        UInt128(x) % T + sp.a
    else
        x = rand(rng, SamplerType{UInt128}()) & sp.mask
        while x > sp.m
            x = rand(rng, SamplerType{UInt128}()) & sp.mask
        end
        x % T + sp.a
    end
end

sampler(rng::AbstractRNG, r::UnitRange{T}, many::Bool) where {T<:BitInt} = ndl(r)

## collections

const Indexable = Union{AbstractArray, AbstractRange}

# an element of an array or range, through a random index
struct SamplerIndex{A, S} <: Sampler{Any}
    self::A
    idx::S
end
function sampler(rng::AbstractRNG, a::Indexable, many::Bool)
    isempty(a) && throw(ArgumentError("collection must be non-empty"))
    SamplerIndex(a, ndl(firstindex(a):lastindex(a)))
end
rand(rng::AbstractRNG, sp::SamplerIndex) = sp.self[rand(rng, sp.idx)]

# one character of a string: a random byte position, retried until it starts a character
struct SamplerString <: Sampler{Char}
    str::String
    idx::SamplerNDL{UInt64, Int}
end
function sampler(rng::AbstractRNG, s::AbstractString, many::Bool)
    isempty(s) && throw(ArgumentError("collection must be non-empty"))
    many && return sampler(rng, collect(s), true)
    str = String(s)
    SamplerString(str, ndl(1:ncodeunits(str)))
end
function rand(rng::AbstractRNG, sp::SamplerString)
    while true
        i = rand(rng, sp.idx)
        isvalid(sp.str, i) && return sp.str[i]
    end
end

# an element of a dictionary or set: its n-th element in iteration order (Jolt's Dict does not keep Julia's slot
# layout, so this cannot pick what Julia picks)
struct SamplerNth{C, S} <: Sampler{Any}
    self::C
    idx::S
end
function sampler(rng::AbstractRNG, c::Union{Dict, AbstractSet}, many::Bool)
    isempty(c) && throw(ArgumentError("collection must be non-empty"))
    many && return sampler(rng, collect(c), true)
    SamplerNth(c, ndl(1:length(c)))
end
function rand(rng::AbstractRNG, sp::SamplerNth)
    n = rand(rng, sp.idx)
    for (i, x) in enumerate(sp.self)
        i == n && return x
    end
end

# tuples, as Julia: one element needs no draw, two take a Bool, three a 52-bit word, a power of two the low bits of
# a 32-bit word, others an index
struct SamplerTuple{T, S} <: Sampler{Any}
    self::T
    kind::Int
    idx::S
end
function sampler(rng::AbstractRNG, t::Tuple, many::Bool)
    n = length(t)
    n == 0 && throw(ArgumentError("collection must be non-empty"))
    n == 1 && return SamplerTuple(t, 1, nothing)
    n == 2 && return SamplerTuple(t, 2, nothing)
    n == 3 && return SamplerTuple(t, 3, nothing)
    n & (n - 1) == 0 && return SamplerTuple(t, 4, nothing)
    SamplerTuple(t, 5, ndl(1:n))
end
function rand(rng::AbstractRNG, sp::SamplerTuple)
    t = sp.self
    k = sp.kind
    k == 1 && return t[1]
    k == 2 && return rand(rng, SamplerType{Bool}()) ? t[2] : t[1]
    if k == 3
        while true
            r = next_u64(rng) >> 12
            r != 0x000fffffffffffff && return t[1 + Int(r ÷ 0x0005555555555555)]
        end
    end
    k == 4 && return t[1 + Int(rand(rng, SamplerType{UInt32}()) & UInt32(length(t) - 1))]
    t[rand(rng, sp.idx)]
end

rand(rng::AbstractRNG, sp::SamplerTrivial) =
    throw(MethodError(rand, (rng, sp.self)))

## bulk generation for arrays of bits types, as Julia's Xoshiro does it: from 64 bytes on, the words come from
## 8 interleaved generators seeded from the parent (the parent then fills the rest), and the bytes of the words
## fill the array in memory order

const FORK_MUL = (0x02011ce34bce797f, 0x5a94851fb48a6e05, 0x3688cf5d48899fa7, 0x867b4bb4c42e5661)

# the 8 lanes of the forked generators, each state word as 8 lanes
function fork_lanes(x::Xoshiro)
    lanes = Vector{Vector{UInt64}}(undef, 4)
    for k in 1:4
        v = Vector{UInt64}(undef, 8)
        for j in 1:8
            v[j] = FORK_MUL[k] * next_u64(x)
        end
        lanes[k] = v
    end
    lanes
end

@inline function lane_next!(s0::Vector{UInt64}, s1::Vector{UInt64}, s2::Vector{UInt64}, s3::Vector{UInt64}, j::Int)
    res, s0[j], s1[j], s2[j], s3[j] = xoshiro_step(s0[j], s1[j], s2[j], s3[j])
    res
end

# the words that fill `nbytes` bytes
function bulk_words(x::Xoshiro, nbytes::Int)
    words = Vector{UInt64}(undef, cld(nbytes, 8))
    k = 0
    if nbytes >= 64
        lanes = fork_lanes(x)
        s0, s1, s2, s3 = lanes[1], lanes[2], lanes[3], lanes[4]
        for _ in 1:(nbytes ÷ 64), j in 1:8
            words[k += 1] = lane_next!(s0, s1, s2, s3, j)
        end
    end
    while k < length(words)
        words[k += 1] = next_u64(x)
    end
    words
end

function rand!(rng::XRNG, A::Array{Float64}, ::SamplerType{Float64})
    words = bulk_words(xstate(rng), 8 * length(A))
    for i in 1:length(A)
        A[i] = Float64(words[i] >> 11) * TWO_M53
    end
    A
end

u32tofloat(w::UInt64) = Float32((w % UInt32) >> 8) * TWO_M24
function rand!(rng::XRNG, A::Array{Float32}, ::SamplerType{Float32})
    words = bulk_words(xstate(rng), 4 * length(A))
    for i in 1:length(A)
        w = words[(i + 1) >> 1]
        A[i] = u32tofloat(isodd(i) ? w : w >> 32)
    end
    A
end

function rand!(rng::XRNG, A::Array{T}, ::SamplerType{T}) where {T<:BitInt}
    n = length(A)
    sz = sizeof(T)
    words = bulk_words(xstate(rng), sz * n)
    if sz == 16
        for i in 1:n
            A[i] = ((UInt128(words[2i]) << 64) | UInt128(words[2i - 1])) % T
        end
    else
        per = 8 ÷ sz
        for i in 1:n
            q, r = divrem(i - 1, per)
            A[i] = (words[q + 1] >> (8 * sz * r)) % T
        end
    end
    A
end

# Bool arrays take one bit of each byte of the words (from 640 bytes on, 8 forked lanes)
function rand!(rng::XRNG, A::Array{Bool}, ::SamplerType{Bool})
    x = xstate(rng)
    len = length(A)
    i = 0
    if len >= 640
        lanes = fork_lanes(x)
        s0, s1, s2, s3 = lanes[1], lanes[2], lanes[3], lanes[4]
        res = Vector{UInt64}(undef, 8)
        while i + 512 <= len
            for j in 1:8
                res[j] = lane_next!(s0, s1, s2, s3, j)
            end
            for k in 0:7, j in 1:8, b in 0:7
                A[i + 64k + 8(j - 1) + b + 1] = (res[j] >> (8b + k)) & 0x0000000000000001 == 0x0000000000000001
            end
            i += 512
        end
    end
    while i + 8 <= len
        w = next_u64(x)
        shift = 0
        while i + 8 <= len && shift < 8
            for b in 0:7
                A[i + b + 1] = (w >> (8b + shift)) & 0x0000000000000001 == 0x0000000000000001
            end
            i += 8
            shift += 1
        end
    end
    if i < len
        w = next_u64(x)
        for b in 0:(len - i - 1)
            A[i + b + 1] = (w >> (8b)) & 0x0000000000000001 == 0x0000000000000001
        end
    end
    A
end
