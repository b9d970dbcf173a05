# Permutations, random strings and subsequences; the index draws are Julia's (a masked 52-bit word, retried while
# it is too large), so seeded results match Julia's.

# a random Int in 0:n-1 from the upper 52 bits of a word, masked with `mask` (a power of two minus one >= n-1)
@inline function ltm52(rng::AbstractRNG, n::Int, mask::Int)
    while true
        x = ((next_u64(rng) >> 12) % Int) & mask
        x <= n - 1 && return x
    end
end

"""
    shuffle!([rng=default_rng(),] v::AbstractArray)

Randomly permute `v` in place.
"""
function shuffle!(rng::AbstractRNG, a::AbstractArray)
    n = length(a)
    n == 0 && return a
    mask = 3
    for i in 2:n
        j = 1 + ltm52(rng, i, mask)
        t = a[i]
        a[i] = a[j]
        a[j] = t
        i == 1 + mask && (mask = 2 * mask + 1)
    end
    a
end
# a Bool array: the less common value is scattered again over the array
function shuffle!(rng::AbstractRNG, a::AbstractArray{Bool})
    old_count = count(a)
    len = length(a)
    uncommon = 2 * old_count <= len
    fuel = uncommon ? old_count : len - old_count
    fuel == 0 && return a
    for i in eachindex(a)
        a[i] = !uncommon
    end
    idx = sampler(rng, eachindex(a), false)
    while fuel > 0
        k = rand(rng, idx)
        fuel -= a[k] != uncommon
        a[k] = uncommon
    end
    a
end
shuffle!(a::AbstractArray) = shuffle!(default_rng(), a)

"""
    shuffle([rng=default_rng(),] v::AbstractArray)

Return a randomly permuted copy of `v`.
"""
shuffle(rng::AbstractRNG, a::AbstractArray) = shuffle!(rng, copy(a))
shuffle(rng::AbstractRNG, a::AbstractRange) = shuffle!(rng, collect(a))
shuffle(a::Union{AbstractArray, AbstractRange}) = shuffle(default_rng(), a)

vector_length(n::Integer) = n < 0 ? throw(ArgumentError(
    "invalid GenericMemory size: the number of elements is either negative or too large for system address width")) : Int(n)

"""
    randperm([rng=default_rng(),] n::Integer)

A random permutation of `1:n`, with elements of the type of `n`.
"""
randperm(rng::AbstractRNG, n::T) where {T<:Integer} = randperm!(rng, Vector{T}(undef, vector_length(n)))
randperm(n::Integer) = randperm(default_rng(), n)

"""
    randperm!([rng=default_rng(),] A::Array{<:Integer})

Construct in `A` a random permutation of `1:length(A)`.
"""
randperm!(rng::AbstractRNG, a::Array{T}) where {T<:Integer} = permutation!(rng, a, false)
randperm!(a::Array{<:Integer}) = randperm!(default_rng(), a)

"""
    randcycle([rng=default_rng(),] n::Integer)

A random cyclic permutation of length `n` (all elements in one cycle), with elements of the type of `n`.
"""
randcycle(rng::AbstractRNG, n::T) where {T<:Integer} = randcycle!(rng, Vector{T}(undef, vector_length(n)))
randcycle(n::Integer) = randcycle(default_rng(), n)

"""
    randcycle!([rng=default_rng(),] A::Array{<:Integer})

Construct in `A` a random cyclic permutation of length `length(A)` (Sattolo's algorithm).
"""
randcycle!(rng::AbstractRNG, a::Array{T}) where {T<:Integer} = permutation!(rng, a, true)
randcycle!(a::Array{<:Integer}) = randcycle!(default_rng(), a)

# The inside-out shuffle of 1:n into `a`; `cyclic` draws j < i (Sattolo's algorithm), which gives one cycle.
function permutation!(rng::AbstractRNG, a::Array{T}, cyclic::Bool) where {T<:Integer}
    n = length(a)
    n == 0 && return a
    a[1] = 1
    mask = 3
    for i in 2:n
        j = 1 + ltm52(rng, cyclic ? i - 1 : i, mask)
        if i != j
            a[i] = a[j]
        end
        a[j] = i
        i == 1 + mask && (mask = 2 * mask + 1)
    end
    a
end

const RANDSTRING_CHARS = vcat(collect(0x30:0x39), collect(0x41:0x5a), collect(0x61:0x7a)) # 0-9, A-Z, a-z

"""
    randstring([rng=default_rng()], [chars], [len=8])

A random string of length `len` of characters from `chars` (by default the upper- and lower-case letters and
the digits 0-9).
"""
function randstring(rng::AbstractRNG, chars, n::Integer)
    sp = sampler(rng, chars, true)
    v = Vector{Char}(undef, n)
    for i in 1:n
        v[i] = Char(rand(rng, sp))
    end
    String(v)
end
randstring(rng::AbstractRNG, chars) = randstring(rng, chars, 8)
randstring(rng::AbstractRNG, n::Integer) = randstring(rng, RANDSTRING_CHARS, n)
randstring(rng::AbstractRNG) = randstring(rng, RANDSTRING_CHARS, 8)
randstring(chars, n::Integer) = randstring(default_rng(), chars, n)
randstring(chars) = randstring(default_rng(), chars, 8)
randstring(n::Integer) = randstring(default_rng(), RANDSTRING_CHARS, n)
randstring() = randstring(default_rng(), RANDSTRING_CHARS, 8)

"""
    randsubseq!([rng=default_rng(),] S, A, p)

Like [`randsubseq`](@ref), but the results are stored in `S` (which is resized as needed).
"""
function randsubseq!(rng::AbstractRNG, S::AbstractArray, A::Union{AbstractArray, AbstractRange}, p::Real)
    0 <= p <= 1 || throw(ArgumentError(string("probability ", p, " not in [0,1]")))
    n = length(A)
    empty!(S)
    if p == 1
        append!(S, A)
        return S
    end
    p == 0 && return S
    if p > 0.15 # for large p a draw per element is faster than skipping
        for i in 1:n
            rand(rng) <= p && push!(S, A[i])
        end
    else
        # skip from each included element to the next one: the skip is geometric, drawn by inversion
        L = -1 / log1p_(-p)
        i = 0
        while true
            s = randexp(rng) * L
            s >= n - i && return S
            i += ceil(Int, s)
            push!(S, A[i])
        end
    end
    S
end
randsubseq!(S::AbstractArray, A, p::Real) = randsubseq!(default_rng(), S, A, p)

"""
    randsubseq([rng=default_rng(),] A, p) -> Vector

A random subsequence of `A`: each element is included (in order) with independent probability `p`.
"""
randsubseq(rng::AbstractRNG, A::Union{AbstractArray, AbstractRange}, p::Real) = randsubseq!(rng, eltype(A)[], A, p)
randsubseq(A::Union{AbstractArray, AbstractRange}, p::Real) = randsubseq(default_rng(), A, p)

# log(1 + x), accurate for small x
log1p_(x::Float64) = (u = 1.0 + x; u == 1.0 ? x : log(u) * x / (u - 1.0))
