# Reductions along dimensions: `sum(A; dims=1)`, `maximum(A; dims=(1, 2))`, `mapreduce(f, op, A; dims=2)`.
# Each keeps A's number of dimensions, with 1 along every reduced one. (Methods of Core.kwcall, so that the plain
# `sum(A)` and its specializations keep their own methods.)
_in_dims(d::Int, dims::Integer) = d == dims
_in_dims(d::Int, dims) = d in dims
# the first value of a slot, as Julia's reduce_first: small integers and Bools add up as Int (UInt)
_reduce_first(op, x) = x
_reduce_first(::typeof(+), x::Union{Bool,Int8,Int16,Int32}) = Int(x)
_reduce_first(::typeof(+), x::Union{UInt8,UInt16,UInt32}) = UInt(x)
_reduce_first(::typeof(*), x::Union{Int8,Int16,Int32}) = Int(x)
_reduce_first(::typeof(*), x::Union{UInt8,UInt16,UInt32}) = UInt(x)

function _reducedim(f, op, A::AbstractArray, dims)
    N = ndims(A)
    for d in dims
        d isa Integer && d >= 1 || throw(ArgumentError("region dimension(s) must be ≥ 1, got $d"))
    end
    sz = ntuple(d -> size(A, d), N)
    rsz = ntuple(d -> _in_dims(d, dims) ? 1 : sz[d], N)
    m = 1
    for s in rsz
        m *= s
    end
    for d in 1:N
        _in_dims(d, dims) && sz[d] == 0 && m > 0 &&
            throw(ArgumentError("reducing over an empty collection is not allowed; consider supplying `init` to the reducer"))
    end
    acc = Vector{Any}(undef, m)
    seen = fill(false, m)
    for i in 1:length(A)
        # the slot of A's i-th element: its Cartesian index with the reduced dimensions set to 1
        r = i - 1
        j = 0
        stride = 1
        for d in 1:N
            k = r % sz[d]
            r = div(r, sz[d])
            if rsz[d] != 1
                j += k * stride
            end
            stride *= rsz[d]
        end
        v = f(A[i])
        acc[j+1] = seen[j+1] ? op(acc[j+1], v) : _reduce_first(op, v)
        seen[j+1] = true
    end
    R = [x for x in acc]
    N == 1 ? R : reshape(R, rsz...)
end

for (fn, op, f) in ((:sum, :+, :identity), (:prod, :*, :identity), (:maximum, :max, :identity),
                    (:minimum, :min, :identity), (:any, :|, :identity), (:all, :&, :identity))
    @eval begin
        Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof($fn), A::AbstractArray) =
            kw.dims === (:) ? $fn(A) : _reducedim($f, $op, A, kw.dims)
        Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof($fn), f, A::AbstractArray) =
            kw.dims === (:) ? $fn(f, A) : _reducedim(f, $op, A, kw.dims)
    end
end
Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof(mapreduce), f, op, A::AbstractArray) =
    kw.dims === (:) ? mapreduce(f, op, A) : _reducedim(f, op, A, kw.dims)
Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof(reduce), op, A::AbstractArray) =
    kw.dims === (:) ? reduce(op, A) : _reducedim(identity, op, A, kw.dims)

# arrays: by the distance of their elements (Euclidean norm), as LinearAlgebra's isapprox
function isapprox(x::Union{AbstractArray,AbstractRange}, y::Union{AbstractArray,AbstractRange}; atol::Real=0,
                  rtol::Real=atol > 0 ? 0.0 : sqrt(2.220446049250313e-16))
    size(x) == size(y) || throw(DimensionMismatch("dimensions must match: a has dims $(size(x)), b has dims $(size(y))"))
    d = sqrt(mapreduce(abs2, +, x .- y; init=0.0))
    isfinite(d) || return x == y
    d <= max(atol, rtol * max(sqrt(mapreduce(abs2, +, x; init=0.0)), sqrt(mapreduce(abs2, +, y; init=0.0))))
end
# extrema along dimensions: a (min, max) pair for each slot
_extrema_pair(x) = (x, x)
_extrema_op(a, b) = (min(a[1], b[1]), max(a[2], b[2]))
Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof(extrema), A::AbstractArray) =
    kw.dims === (:) ? extrema(A) : _reducedim(_extrema_pair, _extrema_op, A, kw.dims)
Core.kwcall(kw::NamedTuple{(:dims,)}, ::typeof(extrema), f, A::AbstractArray) =
    kw.dims === (:) ? extrema(map(f, A)) : _reducedim(x -> _extrema_pair(f(x)), _extrema_op, A, kw.dims)
