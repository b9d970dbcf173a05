# Rounding dates and times to a multiple of a period. Multiples are counted from 0000-01-01T00:00:00 (ISO 8601's
# year zero), weeks from Monday 0000-01-03.

const DATEEPOCH = value(Date(0))
const DATETIMEEPOCH = value(DateTime(0))
const WEEKEPOCH = value(Date(0, 1, 3))

function _checkpositive(p::Period)
    value(p) < 1 && throw(DomainError(p))
    nothing
end

function Base.floor(dt::Date, p::Year)
    _checkpositive(p)
    y = year(dt)
    Date(y - mod(y, value(p)))
end
function Base.floor(dt::Date, p::Quarter)
    _checkpositive(p)
    floor(dt, Month(3 * value(p)))
end
function Base.floor(dt::Date, p::Month)
    _checkpositive(p)
    y, m, d = yearmonthday(dt)
    n = 12 * y + m - 1
    n -= mod(n, value(p))
    Date(fld(n, 12), mod(n, 12) + 1)
end
function Base.floor(dt::Date, p::Week)
    _checkpositive(p)
    n = value(dt) - WEEKEPOCH
    Date(UTD(Day(WEEKEPOCH + n - mod(n, 7 * value(p)))))
end
function Base.floor(dt::Date, p::Day)
    _checkpositive(p)
    n = value(dt) - DATEEPOCH
    Date(UTD(Day(DATEEPOCH + n - mod(n, value(p)))))
end
Base.floor(dt::DateTime, p::DatePeriod) = DateTime(floor(Date(dt), p))
function Base.floor(dt::DateTime, p::TimePeriod)
    _checkpositive(p)
    n = value(dt) - DATETIMEEPOCH
    DateTime(UTM(Millisecond(DATETIMEEPOCH + n - mod(n, toms(p)))))
end
function Base.floor(t::Time, p::TimePeriod)
    _checkpositive(p)
    Time(Nanosecond(value(t) - mod(value(t), tons(p))))
end

"""
    ceil(dt::TimeType, p::Period) -> TimeType

The nearest multiple of `p` (counted from year zero) at or after `dt`.
"""
Base.ceil(dt::TimeType, p::Period) = (f = floor(dt, p); f == dt ? f : f + p)

"""
    round(dt::TimeType, p::Period) -> TimeType

The nearest multiple of `p` to `dt`; ties go up.
"""
function Base.round(dt::TimeType, p::Period)
    f = floor(dt, p)
    c = f == dt ? f : f + p
    (dt - f) < (c - dt) ? f : c
end

# to a type of period: to one of it
Base.floor(dt::TimeType, ::Type{P}) where {P<:Period} = floor(dt, P(1))
Base.ceil(dt::TimeType, ::Type{P}) where {P<:Period} = ceil(dt, P(1))
Base.round(dt::TimeType, ::Type{P}) where {P<:Period} = round(dt, P(1))
