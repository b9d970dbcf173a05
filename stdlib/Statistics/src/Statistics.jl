# The Statistics standard library, written in Jolt: means, medians, variances, quantiles and correlation of
# collections of numbers, computed in the order Julia's Statistics computes them (so results round alike).
module Statistics

export mean, median, median!, var, std, quantile, quantile!, cor, cov, middle

"""
    mean(itr)
    mean(f, itr)

The arithmetic mean of a collection (of `f` applied to its elements), as a floating-point number for integers.
"""
mean(itr) = mean(identity, itr)
function mean(f, itr)
    y = iterate(itr)
    y === nothing && return f(zero(eltype(itr))) / 0
    x1 = f(y[1]) / 1
    s = x1
    n = 1
    y = iterate(itr, y[2])
    while y !== nothing
        s += convert(typeof(x1), f(y[1]))
        n += 1
        y = iterate(itr, y[2])
    end
    s / n
end
mean(r::AbstractRange) = isempty(r) ? zero(eltype(r)) / 0 : first(r) / 2 + last(r) / 2

"""
    middle(x)
    middle(x, y)
    middle(a)

The middle of one number (as a float), of two (`x/2 + y/2`), or of a collection's extrema.
"""
middle(x::Union{Bool,Integer}) = Float64(x)
middle(x::AbstractFloat) = x
middle(x::Number) = (x + zero(x)) / 1
middle(x::Number, y::Number) = x / 2 + y / 2
middle(a::Union{AbstractArray,AbstractRange}) = middle(minimum(a), maximum(a))

"""
    median(itr)

The middle value of a sorted copy of the collection, or the mean of the two middle values when its length is
even; NaN if it holds a NaN.
"""
median(itr) = median!(collect(itr))
function median!(v::AbstractVector)
    isempty(v) && throw(ArgumentError("median of an empty array is undefined, $(repr(v))"))
    for x in v
        x isa Number && isnan(x) && return x
    end
    sort!(v)
    n = length(v)
    mid = div(1 + n, 2)
    isodd(n) ? middle(v[mid]) : middle(v[mid], v[mid+1])
end

"""
    var(itr; corrected=true, mean=nothing)

The sample variance: the sum of squared deviations from the mean divided by `n - 1` (by `n` with
`corrected=false`).
"""
function var(itr; corrected::Bool=true, mean=nothing)
    v = collect(itr)
    n = length(v)
    m = mean === nothing ? Statistics.mean(v) : mean
    if n == 0
        return oftype(float(zero(eltype(v))), NaN)
    end
    s = abs2(v[1] - m)
    for i in 2:n
        s += abs2(v[i] - m)
    end
    s / (n - Int(corrected))
end

"""
    std(itr; corrected=true, mean=nothing)

The sample standard deviation: the square root of `var`.
"""
std(itr; corrected::Bool=true, mean=nothing) = sqrt(var(itr; corrected=corrected, mean=mean))

"""
    cov(x, y; corrected=true)

The covariance of two vectors of equal length.
"""
function cov(x::AbstractVector, y::AbstractVector; corrected::Bool=true)
    n = length(x)
    length(y) == n || throw(DimensionMismatch("x and y must have the same length"))
    mx, my = mean(x), mean(y)
    s = (x[1] - mx) * (y[1] - my)
    for i in 2:n
        s += (x[i] - mx) * (y[i] - my)
    end
    s / (n - Int(corrected))
end
cov(x::AbstractVector; corrected::Bool=true) = var(x; corrected=corrected)

"""
    cor(x, y)

The Pearson correlation of two vectors of equal length (clamped to [-1, 1]).
"""
function cor(x::AbstractVector, y::AbstractVector)
    n = length(x)
    length(y) == n || throw(DimensionMismatch("inconsistent lengths"))
    n > 0 || throw(ArgumentError("correlation only defined for non-empty vectors"))
    mx, my = mean(x), mean(y)
    xx = 0.0
    yy = 0.0
    xy = 0.0
    for i in 1:n
        xi = x[i] - mx
        yi = y[i] - my
        xx += abs2(xi)
        yy += abs2(yi)
        xy += xi * yi
    end
    # scaled as Statistics does, to keep the product of the two sums from overflowing
    clamp(xy / max(xx, yy) / sqrt(min(xx, yy) / max(xx, yy)), -1, 1)
end
cor(x::AbstractVector) = one(float(eltype(x)))

"""
    quantile(v, p; sorted=false)

The `p`-quantile(s) of the collection `v` (`p` in [0, 1], a number or a vector of them), interpolated linearly
between order statistics (Hyndman and Fan's definition 7, Julia's default).
"""
quantile(v, p; sorted::Bool=false) = quantile!(sorted ? collect(v) : sort(collect(v)), p; sorted=true)
function quantile!(v::AbstractVector, p::Real; sorted::Bool=false)
    isempty(v) && throw(ArgumentError("empty data vector"))
    sorted || sort!(v)
    _quantile(v, p)
end
quantile!(v::AbstractVector, p::AbstractArray; sorted::Bool=false) = (sorted || sort!(v); [_quantile(v, x) for x in p])
function _quantile(v::AbstractVector, p::Real)
    0 <= p <= 1 || throw(ArgumentError("input probability out of [0,1] range"))
    n = length(v)
    # the position (n - 1) p + 1, by one fused multiply-add so that whole positions come out exact
    aleph = fma(n, p, 1 - p)
    j = clamp(trunc(Int, aleph), 1, n - 1)
    γ = clamp(aleph - j, 0, 1)
    a, b = n == 1 ? (v[1], v[1]) : (v[j], v[j+1])
    # near-equal ends: this form stays monotone in γ; otherwise b - a could overflow
    isfinite(a) && isfinite(b) && a ≈ b ? a + γ * (b - a) : (1 - γ) * a + γ * b
end

end
