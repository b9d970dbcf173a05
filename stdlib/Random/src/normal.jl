# Normal and exponential variates by the ziggurat method (Marsaglia and Tsang), with Julia's tables and word usage.
# The rare slow paths call `log` and `exp`, whose last bit may differ from Julia's.

"""
    randn([rng=default_rng()], [T=Float64], [dims...])

Generate a normally-distributed random number of type `T` with mean 0 and standard deviation 1, or an array of
them.
"""
function randn(rng::AbstractRNG)
    ki, wi = ZIG_KI::Vector{UInt64}, ZIG_WI::Vector{Float64}
    r = next_u64(rng) >> 12
    rabs = (r >> 1) % Int64 # one bit for the sign
    idx = rabs & 255
    x = ((r & 0x0000000000000001) == 0x0000000000000001 ? -rabs : rabs) * wi[idx + 1]
    rabs < ki[idx + 1] % Int64 && return x # 99.3% of the time
    randn_unlikely(rng, idx, rabs, x)
end

function randn_unlikely(rng::AbstractRNG, idx::Int64, rabs::Int64, x::Float64)
    fi = ZIG_FI::Vector{Float64}
    if idx == 0
        while true
            xx = -ziggurat_nor_inv_r * log(rand(rng))
            yy = -log(rand(rng))
            yy + yy > xx * xx &&
                return (rabs >> 8) & 1 == 1 ? -ziggurat_nor_r - xx : ziggurat_nor_r + xx
        end
    elseif (fi[idx] - fi[idx + 1]) * rand(rng) + fi[idx + 1] < exp(-0.5 * x * x)
        return x # from the wedge
    else
        return randn(rng)
    end
end

"""
    randexp([rng=default_rng()], [T=Float64], [dims...])

Generate a random number of type `T` from the exponential distribution with scale 1, or an array of them.
"""
function randexp(rng::AbstractRNG)
    ke, we = ZIG_KE::Vector{UInt64}, ZIG_WE::Vector{Float64}
    ri = next_u64(rng) >> 12
    idx = (ri & 0x00000000000000ff) % Int64
    x = ri * we[idx + 1]
    ri < ke[idx + 1] && return x # 98.9% of the time
    randexp_unlikely(rng, idx, x)
end

function randexp_unlikely(rng::AbstractRNG, idx::Int64, x::Float64)
    fe = ZIG_FE::Vector{Float64}
    if idx == 0
        return ziggurat_exp_r - log(rand(rng))
    elseif (fe[idx] - fe[idx + 1]) * rand(rng) + fe[idx + 1] < exp(-x)
        return x
    else
        return randexp(rng)
    end
end

const SQRT_HALF = 0.7071067811865476

randn(rng::AbstractRNG, ::Type{Float64}) = randn(rng)
randn(rng::AbstractRNG, ::Type{Float32}) = Float32(randn(rng))
randn(rng::AbstractRNG, ::Type{Complex{T}}) where {T<:AbstractFloat} =
    Complex{T}(SQRT_HALF * randn(rng, T), SQRT_HALF * randn(rng, T))
randexp(rng::AbstractRNG, ::Type{Float64}) = randexp(rng)
randexp(rng::AbstractRNG, ::Type{Float32}) = Float32(randexp(rng))

"""
    randn!([rng=default_rng()], A::AbstractArray) -> A

Fill `A` with normally-distributed (mean 0, standard deviation 1) random numbers.
"""
function randn! end

"""
    randexp!([rng=default_rng()], A::AbstractArray) -> A

Fill `A` with random numbers from the exponential distribution with scale 1.
"""
function randexp! end

for f in (:randn, :randexp)
    f! = Symbol(f, :!)
    @eval begin
        function $f!(rng::AbstractRNG, A::AbstractArray)
            T = eltype(A)
            for i in eachindex(A)
                A[i] = $f(rng, T)
            end
            A
        end
        $f!(A::AbstractArray) = $f!(default_rng(), A)
        $f() = $f(default_rng())
        $f(::Type{T}) where {T} = $f(default_rng(), T)
        $f(rng::AbstractRNG, ::Type{T}, dims::Dims) where {T} = $f!(rng, newarray(T, dims))
        $f(rng::AbstractRNG, ::Type{T}, d::Integer, dims::Integer...) where {T} = $f!(rng, newarray(T, todims((d, dims...))))
        $f(::Type{T}, dims::Dims) where {T} = $f(default_rng(), T, dims)
        $f(::Type{T}, d::Integer, dims::Integer...) where {T} = $f(default_rng(), T, todims((d, dims...)))
        $f(rng::AbstractRNG, dims::Dims) = $f(rng, Float64, dims)
        $f(rng::AbstractRNG, d::Integer, dims::Integer...) = $f(rng, Float64, todims((d, dims...)))
        $f(dims::Dims) = $f(default_rng(), Float64, dims)
        $f(d::Integer, dims::Integer...) = $f(default_rng(), Float64, todims((d, dims...)))
    end
end
