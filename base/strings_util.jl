# strings_util.jl
# String utilities.
function digits(n::Integer; base::Int=10)
    out = Int[]
    n = abs(n)
    while true
        push!(out, rem(n, base))
        n = div(n, base)
        n == 0 && break
    end
    out
end
first(a::Vector) = a[1]
last(a::Vector) = a[length(a)]
# a Char is a collection of one element, itself
iterate(c::Char, done::Bool=false) = done ? nothing : (c, true)
first(itr) = (y = iterate(itr); y === nothing ? throw(ArgumentError("collection must be non-empty")) : y[1])
# reverse!(a, start, stop): reverse a[start:stop] in place
function reverse!(a::Vector, start::Integer=1, stop::Integer=length(a))
    i, j = start, stop
    while i < j
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1
    end
    a
end
hypot(x::Int64, y::Int64) = hypot(Float64(x), Float64(y))
hypot(x::Real, y::Real) = hypot(Float64(x), Float64(y))
sum(r::UnitRange{Int}) = length(r) == 0 ? 0 : div((r.start + r.stop) * length(r), 2)
sum(a::Vector{Int}) = foldl(+, a; init=0)
sum(a::Vector{Float64}) = foldl(+, a; init=0.0)
abs(x::Float64) = abs_float(x)
Float64(x::Char) = Float64(Int(x))
collect(s::String) = [c for c in s]
string(c::Char) = ccall(:jl_char_string, String, (Char,), c)
convert(::Type{String}, s::String) = s
isempty(d) = length(d) == 0
count(f, s::String) = count(f, collect(s))
|>(x, f) = f(x)
iterate(x::Number) = (x, nothing)
iterate(x::Number, ::Nothing) = nothing
length(x::Number) = 1
Dict(p::Pair) = Dict{typeof(p.first),typeof(p.second)}(p)
function (::Type{Dict{K,V}})(ps::Pair...) where {K,V}
    d = Dict{K,V}()
    for p in ps
        d[p.first] = p.second
    end
    d
end
function (::Type{T})(x::BitInteger) where {T<:BitInteger}
    # the low bits of x as a T keep its value when they convert back to x with the same sign
    y = x % T
    (y % typeof(x) == x && (y < zero(T)) == (x < zero(x))) && return y
    # Julia names the operation that failed: narrowing truncates, otherwise only the sign can be lost
    throw(InexactError(sizeof(T) < sizeof(x) ? :trunc : :convert, T, x))
end
convert(::Type{T}, x::BitInteger) where {T<:BitInteger} = T(x)
(::Type{T})(x::Bool) where {T<:BitInteger} = x ? one(T) : zero(T)
convert(::Type{T}, x::T) where {T<:Number} = x
count(itr) = count(identity, itr)
function vcat(xs::Vector{T}...) where T
    out = Vector{T}(undef, 0)
    for x in xs
        append!(out, x)
    end
    out
end
vcat() = Vector{Any}()
# vectors of several element types: one of their promoted type (taken from the argument types, so that inference
# knows it), as Julia's vcat does
vcat(xs::Vector...) = _vcat_as(promote_type(map_tuple(eltype, xs)...), xs)
function _vcat_as(::Type{T}, xs) where T
    out = Vector{T}(undef, 0)
    for x in xs
        append!(out, x)
    end
    out
end
# vectors and ranges are spliced in, other values are single elements
function vcat(xs...)
    any(x -> x isa AbstractMatrix, xs) && return _vcat_into(_cat_eltype(xs), xs)
    out = Any[]
    for x in xs
        x isa Union{Vector,AbstractRange} ? append!(out, x) : push!(out, x)
    end
    collect(Generator(identity, out))
end
(^)(x::BitInteger, p::Bool) = p ? x : one(x)
# mixed integer arithmetic wraps both operands into the promoted type
function promote(x::BitInteger, y::BitInteger)
    T = _promote_int(typeof(x), typeof(y))
    (x % T, y % T)
end
for op in (:+, :-, :*, :&, :|, :xor, :div, :rem, :mod, :(==), :<, :<=)
    @eval $op(x::BitInteger, y::BitInteger) = $op(promote(x, y)...)
end
# comparing signed with unsigned is by value, not after wrapping into the unsigned type
(==)(x::BitSigned, y::BitUnsigned) = (x >= zero(x)) & (x % UInt64 == y % UInt64)
(==)(x::BitUnsigned, y::BitSigned) = y == x
(<)(x::BitSigned, y::BitUnsigned) = (x < zero(x)) | (x % UInt64 < y % UInt64)
(<)(x::BitUnsigned, y::BitSigned) = (y >= zero(y)) & (x % UInt64 < y % UInt64)
(<=)(x::BitSigned, y::BitUnsigned) = !(y < x)
(<=)(x::BitUnsigned, y::BitSigned) = !(y < x)
filter(f, s::String) = join([c for c in s if f(c)])
parse(::Type{Int64}, c::Char; base::Int=10) = parse(Int64, string(c); base=base)
ndigits(n::Integer; base::Int=10) = length(digits(n; base=base))
# binomial(n, k) in n's and k's promoted type: for a negative n, (-1)^k binomial(k - n - 1, k); the product runs over
# the smaller of k and n - k factors, each step exact in the wider type (r * (n - k + i) is divisible by i), and an
# OverflowError when the result does not fit
binomial(n::Integer, k::Integer) = binomial(promote(n, k)...)
function binomial(n::T, k::T) where {T<:Integer}
    n0, k0 = n, k
    k < 0 && return zero(T)
    sgn = one(T)
    if n < 0
        n = k - n - one(T)
        isodd(k) && (sgn = -sgn)
    end
    k > n && return zero(T)
    k = min(k, n - k)
    r = one(T)
    i = one(T)
    while i <= k
        w = div(widemul(r, n - k + i), i)
        r = w % T
        r == w || throw(OverflowError(string("binomial(", n0, ", ", k0, ") overflows")))
        i += one(T)
    end
    sgn * r
end
binomial(n::Bool, k::Bool) = !k | n
# for a non-integer x, the product of (x - (i - 1)) / i over i = 1:k
function binomial(x::Number, k::Integer)
    k < 0 && return zero(x) / one(k)
    r = oneunit(x) / one(k)
    for i in 1:k
        r *= (x - (i - 1)) / i
    end
    r
end
≥(x, y) = x >= y
≤(x, y) = x <= y
≠(x, y) = x != y
≡(x, y) = x === y
≢(x, y) = !(x === y)
∘(f, g) = (xs...) -> f(g(xs...))
∈(xs) = y -> y in xs
function only(x)
    length(x) == 1 || throw(ArgumentError("Collection has $(length(x)) elements, must contain exactly 1 element"))
    first(x)
end
last(x::Number) = x
first(x::Number) = x
(+)(x::Int64, y::Bool) = x + Int64(y)
(+)(x::Bool, y::Int64) = Int64(x) + y
(+)(x::Bool, y::Bool) = Int64(x) + Int64(y)
(*)(x::Bool, y::Int64) = x ? y : 0
function map(f, s::String)
    out = [f(c) for c in s]
    all(x -> x isa Char, out) ? join(out) : out
end
macro __MODULE__()
    __module__
end
isnumeric(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "numeric")
isalnum(c::Char) = isletter(c) || isnumeric(c)
# the float root, corrected by division (a square near typemax would overflow)
isqrt(n::Integer) = (r = Int(floor(sqrt(Float64(n)))); while r > 0 && r > n ÷ r; r -= 1; end; while r + 1 <= n ÷ (r + 1); r += 1; end; r)
sizehint!(a, n) = a
eachcol(a::Array{T,2}) where T = [a[:, j] for j in 1:size(a, 2)]
eachrow(a::Array{T,2}) where T = [a[i, :] for i in 1:size(a, 1)]
isless(a::Tuple, b::Tuple) = _lexless(a, b)
# a < b on tuples: the first pair of elements that are not == decides (missing if that comparison is missing)
function <(a::Tuple, b::Tuple)
    for i in 1:min(length(a), length(b))
        eq = a[i] == b[i]
        eq === missing && return missing
        eq || return a[i] < b[i]
    end
    length(a) < length(b)
end
# lexicographic order of indexable sequences: the first differing element decides, else the shorter is less
function _lexless(a, b)
    for i in 1:min(length(a), length(b))
        isless(a[i], b[i]) && return true
        isless(b[i], a[i]) && return false
    end
    length(a) < length(b)
end
getindex(a::Vector, r::StepRange) = [a[i] for i in r]
function setindex!(a::Vector, vals::Vector, idx::Union{AbstractRange,Vector{Int}})
    length(vals) == length(idx) || throw(DimensionMismatch("tried to assign $(length(vals)) elements to $(length(idx)) destinations"))
    k = 1
    for i in idx
        a[i] = vals[k]
        k += 1
    end
    a
end
function getindex(a::Vector{T}, mask::Vector{Bool}) where T
    length(mask) == length(a) || throw(BoundsError(a, mask))
    b = Vector{T}(undef, 0)
    for i in 1:length(a)
        mask[i] && push!(b, a[i])
    end
    b
end
function getindex(a::Vector{T}, idx::Vector{Int}) where T
    b = Vector{T}(undef, length(idx))
    for k in 1:length(idx)
        b[k] = a[idx[k]]
    end
    b
end
function filter(f, s::Set{T}) where T
    out = Set{T}()
    for x in s
        f(x) && push!(out, x)
    end
    out
end
function filter(f, d::Dict{K,V}) where {K,V}
    out = Dict{K,V}()
    for p in d
        f(p) && (out[p.first] = p.second)
    end
    out
end
filter(f, itr) = [x for x in itr if f(x)]
function findfirst(f, d::Dict)
    for (k, v) in d
        f(v) && return k
    end
    nothing
end
adjoint(a::Vector) = permutedims(reshape(a, length(a), 1))
adjoint(a::Array{T,2}) where T = permutedims(a)
adjoint(x::Number) = x
adjoint(r::AbstractRange) = adjoint(collect(r))
eval(ex) = eval(Main, ex)
macro isdefined(s)
    Expr(:isdefined, esc(s))
end
String(s::String) = s
String(v::Vector{Char}) = join(v)
ncodeunits(c::Char) = ncodeunits(string(c))
# The other integer types: the Int64 scanner, then a range check; a value beyond Int64 (UInt64, the 128-bit types)
# is read again as a BigInt. Outside the type's range: OverflowError (tryparse: nothing).
function _parse_as(::Type{T}, s::String, base, fail) where {T<:Integer}
    b = _parse_base(base)
    v = _parse_int(s, b, _parse_nothing)
    v === nothing || return _parse_fit(T, v, s, fail)
    w = _parse_bigint(s, base, _parse_nothing)
    if w === nothing
        # not an integer at all: the Int64 scanner's error (tryparse: nothing), so the result is still a T
        r = _parse_int(s, b, fail)
        return r === nothing ? nothing : T(r)
    end
    _parse_fit(T, w, s, fail)
end
_parse_fit(::Type{T}, v::Integer, s::String, fail) where {T<:Integer} =
    typemin(T) <= v <= typemax(T) ? T(v) : fail(OverflowError("overflow parsing $(repr(s))"))
parse(::Type{T}, s::String; base::Union{Nothing, Integer}=nothing) where {T<:Integer} = _parse_as(T, s, base, _parse_throw)
tryparse(::Type{T}, s::String; base::Union{Nothing, Integer}=nothing) where {T<:Integer} = _parse_as(T, s, base, _parse_nothing)
