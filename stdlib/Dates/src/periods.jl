# Periods: printing, arithmetic, conversions between the fixed ones, and compound periods.

const FixedPeriod = Union{Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond}
const OtherPeriod = Union{Year, Quarter, Month}

# "3 days", "1 day"
for P in (:Year, :Quarter, :Month, :Week, :Day, :Hour, :Minute, :Second, :Millisecond, :Microsecond, :Nanosecond)
    unit = lowercase(string(P))
    @eval _units(x::$P) = abs(value(x)) == 1 ? $(" " * unit) : $(" " * unit * "s")
    @eval $P(s::AbstractString) = $P(parse(Int64, s))
    @eval Base._typeinfo_implicit(::Type{$P}) = true
end

Base.print(io::IO, x::Period) = print(io, value(x), _units(x))
Base.show(io::IO, ::MIME"text/plain", x::Period) = print(io, x)
Base.show(io::IO, p::Period) = print(io, typeof(p), '(', value(p), ')')
Base.string(x::Period) = string(value(x), _units(x))

Base.zero(::Type{P}) where {P<:Period} = P(0)
Base.zero(p::Period) = typeof(p)(0)
Base.one(::Type{P}) where {P<:Period} = 1
Base.one(p::Period) = 1
Base.typemin(::Type{P}) where {P<:Period} = P(typemin(Int64))
Base.typemax(::Type{P}) where {P<:Period} = P(typemax(Int64))
Base.iszero(p::Period) = value(p) == 0

"""
    default(p::Period) -> Period

A sensible "default" value for the period: `T(1)` for Year, Month and Day, `T(0)` for Hour, Minute, Second and
Millisecond.
"""
default(::Type{T}) where {T<:DatePeriod} = T(1)
default(::Type{T}) where {T<:TimePeriod} = T(0)
default(p::Period) = default(typeof(p))

# ---- arithmetic between periods of one type behaves as on their integers

-(x::P) where {P<:Period} = P(-value(x))
+(x::Period) = x
==(x::P, y::P) where {P<:Period} = value(x) == value(y)
isless(x::P, y::P) where {P<:Period} = isless(value(x), value(y))
+(x::P, y::P) where {P<:Period} = P(value(x) + value(y))
-(x::P, y::P) where {P<:Period} = P(value(x) - value(y))
Base.gcd(x::P, y::P) where {P<:Period} = P(gcd(value(x), value(y)))
Base.lcm(x::P, y::P) where {P<:Period} = P(lcm(value(x), value(y)))
/(x::P, y::P) where {P<:Period} = value(x) / value(y)
/(x::P, y::Real) where {P<:Period} = P(value(x) / y)
div(x::P, y::P) where {P<:Period} = div(value(x), value(y))
div(x::P, y::Real) where {P<:Period} = P(div(value(x), Int64(y)))
fld(x::P, y::P) where {P<:Period} = fld(value(x), value(y))
fld(x::P, y::Real) where {P<:Period} = P(fld(value(x), Int64(y)))
Base.cld(x::P, y::P) where {P<:Period} = cld(value(x), value(y))
rem(x::P, y::P) where {P<:Period} = P(rem(value(x), value(y)))
rem(x::P, y::Real) where {P<:Period} = P(rem(value(x), Int64(y)))
mod(x::P, y::P) where {P<:Period} = P(mod(value(x), value(y)))
mod(x::P, y::Real) where {P<:Period} = P(mod(value(x), Int64(y)))
%(x::P, y::P) where {P<:Period} = rem(x, y)
%(x::P, y::Real) where {P<:Period} = rem(x, y)
*(x::P, y::Real) where {P<:Period} = P(value(x) * y)
*(y::Real, x::Period) = x * y
Base.abs(x::P) where {P<:Period} = P(abs(value(x)))
Base.sign(x::Period) = sign(value(x))

# ---- conversions: a fixed period is a whole number of nanoseconds; years, quarters and months a number of months

nanos(::Type{Week}) = 604800000000000
nanos(::Type{Day}) = 86400000000000
nanos(::Type{Hour}) = 3600000000000
nanos(::Type{Minute}) = 60000000000
nanos(::Type{Second}) = 1000000000
nanos(::Type{Millisecond}) = 1000000
nanos(::Type{Microsecond}) = 1000
nanos(::Type{Nanosecond}) = 1
months(::Type{Year}) = 12
months(::Type{Quarter}) = 3
months(::Type{Month}) = 1

# like div, but a remainder is an InexactError (Day(Hour(25)) is not a whole number of days)
function divexact(x, y)
    q, r = divrem(x, y)
    r == 0 || throw(InexactError(:divexact, Int64, x / y))
    return q
end

# scale a value up by an exact factor, an InexactError where it overflows Int64
function _scaleup(::Type{T}, x::Period, f::Int64) where {T}
    v = value(x)
    div(typemin(Int64), f) <= v <= div(typemax(Int64), f) || throw(InexactError(:convert, T, x))
    T(v * f)
end

function _convertperiod(::Type{T}, x::Period, fx::Int64, ft::Int64) where {T}
    fx >= ft ? _scaleup(T, x, div(fx, ft)) : T(divexact(value(x), div(ft, fx)))
end

for P in (:Week, :Day, :Hour, :Minute, :Second, :Millisecond, :Microsecond, :Nanosecond)
    @eval Base.convert(::Type{$P}, x::FixedPeriod) = _convertperiod($P, x, nanos(typeof(x)), nanos($P))
    @eval $P(x::Period) = convert($P, x)
end
for P in (:Year, :Quarter, :Month)
    @eval Base.convert(::Type{$P}, x::OtherPeriod) = _convertperiod($P, x, months(typeof(x)), months($P))
    @eval $P(x::Period) = convert($P, x)
end
Base.convert(::Type{P}, x::P) where {P<:Period} = x

# Periods of different types compare by length: fixed ones in nanoseconds (Day(1) == Hour(24)), calendar ones in
# months; a fixed period equals a calendar one only where both are zero.
_ns(x::FixedPeriod) = Int128(value(x)) * nanos(typeof(x))
_months(x::OtherPeriod) = Int128(value(x)) * months(typeof(x))
==(x::FixedPeriod, y::FixedPeriod) = _ns(x) == _ns(y)
isless(x::FixedPeriod, y::FixedPeriod) = isless(_ns(x), _ns(y))
==(x::OtherPeriod, y::OtherPeriod) = _months(x) == _months(y)
isless(x::OtherPeriod, y::OtherPeriod) = isless(_months(x), _months(y))
==(x::FixedPeriod, y::OtherPeriod) = iszero(x) & iszero(y)
==(x::OtherPeriod, y::FixedPeriod) = iszero(x) & iszero(y)

# equal periods hash alike (Day(1) and Hour(24))
Base.hash(x::FixedPeriod) = hash((_ns(x), :fixedperiod))
Base.hash(x::OtherPeriod) = iszero(x) ? hash((Int128(0), :fixedperiod)) : hash((_months(x), :months))

# Lengths of periods in whole milliseconds, nanoseconds and days (truncated); years and months have them on
# average, as Float64.
function _inunits(x::FixedPeriod, unit::Int64)
    n = nanos(typeof(x))
    n >= unit ? value(x) * div(n, unit) : div(value(x), div(unit, n))
end
toms(x::FixedPeriod) = _inunits(x, 1000000)
tons(x::FixedPeriod) = _inunits(x, 1)
days(x::FixedPeriod) = _inunits(x, 86400000000000)
toms(c::OtherPeriod) = 86400000 * days(c)
tons(c::OtherPeriod) = 1000000 * toms(c)
days(c::Year) = 365.2425 * value(c)
days(c::Quarter) = 91.310625 * value(c)
days(c::Month) = 30.436875 * value(c)

# ---- compound periods

_rank(::Year) = 1
_rank(::Quarter) = 2
_rank(::Month) = 3
_rank(::Week) = 4
_rank(::Day) = 5
_rank(::Hour) = 6
_rank(::Minute) = 7
_rank(::Second) = 8
_rank(::Millisecond) = 9
_rank(::Microsecond) = 10
_rank(::Nanosecond) = 11

"""
    CompoundPeriod

A sum of periods of different types, coarsest first, with one period per type and no zeros: `Year(1) + Day(1)`
is one.
"""
struct CompoundPeriod <: AbstractTime
    periods::Vector{Period}
    function CompoundPeriod(p::Vector{Period})
        q = Period[]
        for x in sort(p, by=_rank)
            if !isempty(q) && typeof(q[end]) === typeof(x)
                q[end] = q[end] + x
            else
                push!(q, x)
            end
        end
        new(filter(x -> !iszero(x), q))
    end
end
CompoundPeriod(p::Vector{<:Period}) = CompoundPeriod(Vector{Period}(p))
CompoundPeriod(p::Period...) = CompoundPeriod(Period[p...])
CompoundPeriod(t::Time) = CompoundPeriod(Hour(t), Minute(t), Second(t), Millisecond(t), Microsecond(t), Nanosecond(t))

"""
    canonicalize(::CompoundPeriod) -> CompoundPeriod

The compound period with each fixed period carried into coarser ones (`Hour(30)` becomes `1 day, 6 hours`), up to
weeks, and months into years; the fixed part takes one sign.
"""
function canonicalize(x::CompoundPeriod)
    ns = Int128(0)
    ms = 0
    q = 0
    for p in x.periods
        if p isa FixedPeriod
            ns += Int128(value(p)) * nanos(typeof(p))
        elseif p isa Quarter
            q += value(p)
        else
            ms += value(p) * months(typeof(p))
        end
    end
    out = Period[]
    s = sign(ms)
    push!(out, Year(s * div(abs(ms), 12)), Quarter(q), Month(s * rem(abs(ms), 12)))
    s = sign(ns)
    a = abs(ns)
    for P in (Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond)
        n = Int64(div(a, nanos(P)))
        a -= Int128(n) * nanos(P)
        push!(out, P(s * n))
    end
    CompoundPeriod(out)
end
canonicalize(p::Period) = canonicalize(CompoundPeriod(p))

Base.convert(::Type{CompoundPeriod}, x::Period) = CompoundPeriod(Period[x])
function Base.string(x::CompoundPeriod)
    isempty(x.periods) && return "empty period"
    join([string(p) for p in x.periods], ", ")
end
Base.show(io::IO, x::CompoundPeriod) = print(io, string(x))
Base.print(io::IO, x::CompoundPeriod) = print(io, string(x))
Base.zero(::Type{CompoundPeriod}) = CompoundPeriod(Period[])
Base.zero(::CompoundPeriod) = CompoundPeriod(Period[])
Base.isempty(x::CompoundPeriod) = isempty(x.periods)

+(x::Period, y::Period) = CompoundPeriod(Period[x, y])
+(x::CompoundPeriod, y::Period) = CompoundPeriod(vcat(x.periods, Period[y]))
+(y::Period, x::CompoundPeriod) = x + y
+(x::CompoundPeriod, y::CompoundPeriod) = CompoundPeriod(vcat(x.periods, y.periods))
+(x::CompoundPeriod) = x
-(x::Period, y::Period) = CompoundPeriod(Period[x, -y])
-(x::CompoundPeriod) = CompoundPeriod(Period[-p for p in x.periods])
-(x::CompoundPeriod, y::Period) = CompoundPeriod(vcat(x.periods, Period[-y]))
-(x::Union{Period,CompoundPeriod}, y::CompoundPeriod) = x + (-y)
*(x::CompoundPeriod, y::Real) = CompoundPeriod(Period[p * y for p in x.periods])
*(y::Real, x::CompoundPeriod) = x * y

==(x::CompoundPeriod, y::Period) = x == CompoundPeriod(y)
==(x::Period, y::CompoundPeriod) = y == x
==(x::CompoundPeriod, y::CompoundPeriod) = canonicalize(x).periods == canonicalize(y).periods
Base.isequal(x::CompoundPeriod, y::CompoundPeriod) = isequal(x.periods, y.periods)
