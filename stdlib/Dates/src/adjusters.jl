# Adjusters: the first or last day of a week, month, quarter or year, and searches for the next or previous date
# that satisfies a predicate. A DateTime is adjusted to midnight of the day found.

_ondays(::Date, days::Int64) = Date(UTD(Day(days)))
_ondays(::DateTime, days::Int64) = DateTime(UTM(Millisecond(86400000 * days)))

firstdayofweek(dt::Union{Date,DateTime}) = (d = _days(dt); _ondays(dt, d - dayofweek(d) + 1))
lastdayofweek(dt::Union{Date,DateTime}) = (d = _days(dt); _ondays(dt, d + 7 - dayofweek(d)))
firstdayofmonth(dt::Union{Date,DateTime}) = _ondays(dt, _days(dt) - day(dt) + 1)
function lastdayofmonth(dt::Union{Date,DateTime})
    y, m, d = yearmonthday(dt)
    _ondays(dt, _days(dt) + daysinmonth(y, m) - d)
end
firstdayofyear(dt::Union{Date,DateTime}) = _ondays(dt, totaldays(year(dt), 1, 1))
lastdayofyear(dt::Union{Date,DateTime}) = _ondays(dt, totaldays(year(dt), 12, 31))
function firstdayofquarter(dt::Union{Date,DateTime})
    y, m, d = yearmonthday(dt)
    _ondays(dt, totaldays(y, m - rem(m - 1, 3), 1))
end
function lastdayofquarter(dt::Union{Date,DateTime})
    y, m, d = yearmonthday(dt)
    lm = m - rem(m - 1, 3) + 2
    _ondays(dt, totaldays(y, lm, daysinmonth(y, lm)))
end

"""
    adjust(df, start, step, limit) -> TimeType

The first of `start`, `start + step`, ... (at most `limit` of them) for which `df` returns `true`.
"""
function adjust(df, start, step, limit)
    for i in 1:limit
        df(start) && return start
        start += step
    end
    throw(ArgumentError(string("Adjustment limit reached: ", limit, " iterations")))
end

"""
    tonext(dt::TimeType, dow::Int; same::Bool=false) -> TimeType

The next day of the week `dow` (1 = Monday) after `dt`, or `dt` itself if `same` and it is one.
"""
tonext(dt::TimeType, dow::Int; same::Bool=false) = adjust(x -> dayofweek(x) == dow, same ? dt : dt + Day(1), Day(1), 7)
toprev(dt::TimeType, dow::Int; same::Bool=false) = adjust(x -> dayofweek(x) == dow, same ? dt : dt - Day(1), Day(-1), 7)

"""
    tonext(func::Function, dt::TimeType; step=Day(1), limit=10000, same=false) -> TimeType

The first date after `dt` (or from `dt`, if `same`), going by `step`, for which `func` returns `true`.
"""
tonext(func::Function, dt::TimeType; step::Period=Day(1), limit::Int=10000, same::Bool=false) =
    adjust(func, same ? dt : dt + step, step, limit)
toprev(func::Function, dt::TimeType; step::Period=Day(-1), limit::Int=10000, same::Bool=false) =
    adjust(func, same ? dt : dt + step, step, limit)

"""
    tofirst(dt::TimeType, dow::Int; of=Month) -> TimeType

The first day of the week `dow` in the month (or year, with `of=Year`) of `dt`.
"""
function tofirst(dt::TimeType, dow::Int; of::Union{Type{Year},Type{Month}}=Month)
    start = of === Month ? firstdayofmonth(dt) : firstdayofyear(dt)
    adjust(x -> dayofweek(x) == dow, start, Day(1), 7)
end
function tolast(dt::TimeType, dow::Int; of::Union{Type{Year},Type{Month}}=Month)
    start = of === Month ? lastdayofmonth(dt) : lastdayofyear(dt)
    adjust(x -> dayofweek(x) == dow, start, Day(-1), 7)
end

# ---- conversions to and from other clocks, and the current time

const UNIXEPOCH = value(DateTime(1970))

"""
    unix2datetime(x) -> DateTime

The `DateTime` `x` seconds after the Unix epoch 1970-01-01T00:00:00, to the millisecond.
"""
unix2datetime(x::Real) = DateTime(UTM(Millisecond(UNIXEPOCH + round(Int64, 1000 * x))))
datetime2unix(dt::DateTime) = (value(dt) - UNIXEPOCH) / 1000.0
rata2datetime(days::Integer) = DateTime(Date(UTD(Day(days))))
datetime2rata(dt::TimeType) = _days(dt)
const JULIANEPOCH = value(DateTime(-4713, 11, 24, 12))
julian2datetime(f::Real) = DateTime(UTM(Millisecond(JULIANEPOCH + round(Int64, 86400000 * f))))
datetime2julian(dt::DateTime) = (value(dt) - JULIANEPOCH) / 86400000.0

"""
    now() -> DateTime

The current local date and time, to the millisecond.
"""
function now()
    t = time()
    unix2datetime(t + ccall(:jl_utc_offset, Float64, (Float64,), t))
end
now(::Type{UTC}) = unix2datetime(time())
today() = Date(now())
