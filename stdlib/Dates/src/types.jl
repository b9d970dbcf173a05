# The type tree, the period types and the three time types with their constructors.

abstract type AbstractTime end
abstract type Period <: AbstractTime end
abstract type DatePeriod <: Period end
abstract type TimePeriod <: Period end

# Each period wraps an Int64; a value that is not one exactly (Day(1.5)) is an InexactError, as the conversion is.
for P in (:Year, :Quarter, :Month, :Week, :Day)
    @eval struct $P <: DatePeriod
        value::Int64
        $P(v::Number) = new(Int64(v))
    end
end
for P in (:Hour, :Minute, :Second, :Millisecond, :Microsecond, :Nanosecond)
    @eval struct $P <: TimePeriod
        value::Int64
        $P(v::Number) = new(Int64(v))
    end
end

abstract type Instant <: AbstractTime end
# a point on the UT timeline: a count of periods from the epoch 0000-12-31T00:00:00
struct UTInstant{P<:Period} <: Instant
    periods::P
end
UTInstant(p::P) where {P<:Period} = UTInstant{P}(p)

abstract type TimeType <: AbstractTime end
abstract type AbstractDateTime <: TimeType end

struct DateTime <: AbstractDateTime
    instant::UTInstant{Millisecond}
end
struct Date <: TimeType
    instant::UTInstant{Day}
end
# nanoseconds since midnight, wrapped into one day
struct Time <: TimeType
    instant::Nanosecond
    Time(ns::Nanosecond) = new(Nanosecond(mod(ns.value, 86400000000000)))
end

abstract type TimeZone end
struct UTC <: TimeZone end

const UTM = UTInstant{Millisecond}
const UTD = UTInstant{Day}

"""
    Dates.value(x)

The integer inside a period, or the count of days (`Date`), milliseconds (`DateTime`) or nanoseconds (`Time`)
inside a time type.
"""
value(x::Period) = x.value
value(x::Date) = x.instant.periods.value
value(x::DateTime) = x.instant.periods.value
value(x::Time) = x.instant.value
value(x::UTInstant) = x.periods.value

# ---- the calendar

isleapyear(y::Integer) = (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0))

const DAYSINMONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
daysinmonth(y::Integer, m::Integer) = m == 2 ? (isleapyear(y) ? 29 : 28) : DAYSINMONTH[m]

# Days from 0000-12-31 to y-m-d (0001-01-01 is day 1). Years are counted from March, so that a leap day falls at
# the end of its year and the days before each month follow one formula.
function totaldays(y::Integer, m::Integer, d::Integer)
    z = m < 3 ? Int64(y) - 1 : Int64(y)
    mp = m < 3 ? m + 9 : m - 3
    before = div(153 * mp + 2, 5)
    return d + before + 365 * z + fld(z, 4) - fld(z, 100) + fld(z, 400) - 306
end

# the inverse of totaldays: the year, month and day of a day count (in 400-year eras of 146097 days)
function yearmonthday(days::Int64)
    z = days + 305
    era = fld(z, 146097)
    doe = z - era * 146097
    yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365)
    doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100))
    mp = div(5 * doy + 2, 153)
    d = doy - div(153 * mp + 2, 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9
    y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (y, m, d)
end

# ---- validation, with Julia's messages

function _check_date(y, m, d)
    0 < m < 13 || throw(ArgumentError(string("Month: ", m, " out of range (1:12)")))
    n = daysinmonth(y, m)
    0 < d < n + 1 || throw(ArgumentError(string("Day: ", d, " out of range (1:", n, ")")))
    nothing
end

function _check_clock(h, mi, s, ms, ampm::Symbol)
    if ampm === :h24
        (-1 < h < 24 || (h == 24 && mi == 0 && s == 0 && ms == 0)) ||
            throw(ArgumentError(string("Hour: ", h, " out of range (0:23)")))
    else
        0 < h < 13 || throw(ArgumentError(string("Hour: ", h, " out of range (1:12)")))
    end
    -1 < mi < 60 || throw(ArgumentError(string("Minute: ", mi, " out of range (0:59)")))
    -1 < s < 60 || throw(ArgumentError(string("Second: ", s, " out of range (0:59)")))
    -1 < ms < 1000 || throw(ArgumentError(string("Millisecond: ", ms, " out of range (0:999)")))
    nothing
end

# a 12-hour clock hour (from a parsed AM/PM) on the 24-hour clock
_adjusthour(h, ampm::Symbol) = ampm === :am ? (h == 12 ? 0 : h) : ampm === :pm ? (h == 12 ? 12 : h + 12) : h

# ---- constructors

"""
    DateTime(y, [m, d, h, mi, s, ms]) -> DateTime

Construct a `DateTime` type by parts. Arguments must be convertible to [`Int64`](@ref).
"""
function DateTime(y::Int64, m::Int64=1, d::Int64=1, h::Int64=0, mi::Int64=0, s::Int64=0, ms::Int64=0)
    _check_date(y, m, d)
    _check_clock(h, mi, s, ms, :h24)
    rata = ms + 1000 * (s + 60 * mi + 3600 * h + 86400 * totaldays(y, m, d))
    return DateTime(UTM(Millisecond(rata)))
end
function _datetime_ampm(y, m, d, h, mi, s, ms, ampm::Symbol)
    _check_date(y, m, d)
    _check_clock(h, mi, s, ms, ampm)
    DateTime(y, m, d, _adjusthour(h, ampm), mi, s, ms)
end
DateTime(y::Integer, m::Integer=1, d::Integer=1, h::Integer=0, mi::Integer=0, s::Integer=0, ms::Integer=0) =
    DateTime(Int64(y), Int64(m), Int64(d), Int64(h), Int64(mi), Int64(s), Int64(ms))

"""
    Date(y, [m, d]) -> Date

Construct a `Date` type by parts. Arguments must be convertible to [`Int64`](@ref).
"""
function Date(y::Int64, m::Int64=1, d::Int64=1)
    _check_date(y, m, d)
    return Date(UTD(Day(totaldays(y, m, d))))
end
Date(y::Integer, m::Integer=1, d::Integer=1) = Date(Int64(y), Int64(m), Int64(d))

"""
    Time(h, [mi, s, ms, us, ns]) -> Time

Construct a `Time` type by parts. Arguments must be convertible to [`Int64`](@ref).
"""
function Time(h::Int64, mi::Int64=0, s::Int64=0, ms::Int64=0, us::Int64=0, ns::Int64=0)
    -1 < h < 24 || throw(ArgumentError(string("Hour: ", h, " out of range (0:23)")))
    -1 < mi < 60 || throw(ArgumentError(string("Minute: ", mi, " out of range (0:59)")))
    -1 < s < 60 || throw(ArgumentError(string("Second: ", s, " out of range (0:59)")))
    -1 < ms < 1000 || throw(ArgumentError(string("Millisecond: ", ms, " out of range (0:999)")))
    -1 < us < 1000 || throw(ArgumentError(string("Microsecond: ", us, " out of range (0:999)")))
    -1 < ns < 1000 || throw(ArgumentError(string("Nanosecond: ", ns, " out of range (0:999)")))
    return Time(Nanosecond(ns + 1000 * (us + 1000 * (ms + 1000 * (s + 60 * mi + 3600 * h)))))
end
Time(h::Integer, mi::Integer=0, s::Integer=0, ms::Integer=0, us::Integer=0, ns::Integer=0) =
    Time(Int64(h), Int64(mi), Int64(s), Int64(ms), Int64(us), Int64(ns))

# From periods, in any order; the parts not given take their defaults (1 for dates, 0 for clocks).
function DateTime(p::Period, ps::Period...)
    y, m, d, h, mi, s, ms = 1, 1, 1, 0, 0, 0, 0
    for x in (p, ps...)
        x isa Year ? (y = value(x)) : x isa Month ? (m = value(x)) : x isa Day ? (d = value(x)) :
        x isa Hour ? (h = value(x)) : x isa Minute ? (mi = value(x)) : x isa Second ? (s = value(x)) :
        x isa Millisecond ? (ms = value(x)) : throw(ArgumentError(string(typeof(x), " is not a DateTime part")))
    end
    DateTime(y, m, d, h, mi, s, ms)
end
function Date(p::Period, ps::Period...)
    y, m, d = 1, 1, 1
    for x in (p, ps...)
        x isa Year ? (y = value(x)) : x isa Month ? (m = value(x)) : x isa Day ? (d = value(x)) :
        throw(ArgumentError(string(typeof(x), " is not a Date part")))
    end
    Date(y, m, d)
end
function Time(p::TimePeriod, ps::TimePeriod...)
    h, mi, s, ms, us, ns = 0, 0, 0, 0, 0, 0
    for x in (p, ps...)
        x isa Hour ? (h = value(x)) : x isa Minute ? (mi = value(x)) : x isa Second ? (s = value(x)) :
        x isa Millisecond ? (ms = value(x)) : x isa Microsecond ? (us = value(x)) : (ns = value(x))
    end
    Time(h, mi, s, ms, us, ns)
end

# between the time types
Date(dt::DateTime) = Date(UTD(Day(fld(value(dt), 86400000))))
DateTime(d::Date) = DateTime(UTM(Millisecond(86400000 * value(d))))
Time(dt::DateTime) = Time(Nanosecond(1000000 * mod(value(dt), 86400000)))
DateTime(d::Date, t::Time) = DateTime(UTM(Millisecond(86400000 * value(d) + div(value(t), 1000000))))
Date(d::Date) = d
DateTime(dt::DateTime) = dt
Time(t::Time) = t

Base.convert(::Type{DateTime}, d::Date) = DateTime(d)
Base.convert(::Type{Date}, dt::DateTime) = Date(dt)
Base.promote_rule(::Type{Date}, ::Type{DateTime}) = DateTime

# the weekday and month constants, with their abbreviations
const Monday = 1
const Mon = 1
const Tuesday = 2
const Tue = 2
const Wednesday = 3
const Wed = 3
const Thursday = 4
const Thu = 4
const Friday = 5
const Fri = 5
const Saturday = 6
const Sat = 6
const Sunday = 7
const Sun = 7
const January = 1
const Jan = 1
const February = 2
const Feb = 2
const March = 3
const Mar = 3
const April = 4
const Apr = 4
const May = 5
const June = 6
const Jun = 6
const July = 7
const Jul = 7
const August = 8
const Aug = 8
const September = 9
const Sep = 9
const October = 10
const Oct = 10
const November = 11
const Nov = 11
const December = 12
const Dec = 12
