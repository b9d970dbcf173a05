# Comparison of time types and their arithmetic with periods.

==(x::T, y::T) where {T<:TimeType} = value(x) == value(y)
isless(x::T, y::T) where {T<:TimeType} = isless(value(x), value(y))
# a Date compares as the DateTime of its midnight
==(x::Date, y::DateTime) = DateTime(x) == y
==(x::DateTime, y::Date) = x == DateTime(y)
isless(x::Date, y::DateTime) = isless(DateTime(x), y)
isless(x::DateTime, y::Date) = isless(x, DateTime(y))
Base.isequal(x::T, y::T) where {T<:TimeType} = value(x) == value(y)
# a Date equals the DateTime of its midnight, so both hash as that DateTime
Base.hash(x::DateTime) = hash((value(x), :datetime))
Base.hash(x::Date) = hash(DateTime(x))
Base.hash(x::Time) = hash((value(x), :time))

# the difference of two dates is in days, of date-times in milliseconds, of times in nanoseconds
-(x::Date, y::Date) = Day(value(x) - value(y))
-(x::DateTime, y::DateTime) = Millisecond(value(x) - value(y))
-(x::Time, y::Time) = Nanosecond(value(x) - value(y))

# Calendar periods move the year and month and keep the day, clamped to the new month's length
# (2020-01-31 + 1 month is 2020-02-29); the time of day is kept.
function _addmonths(dt::TimeType, n::Int64)
    y, m, d = yearmonthday(dt)
    ny = y + fld(m - 1 + n, 12)
    nm = mod(m - 1 + n, 12) + 1
    nd = min(d, daysinmonth(ny, nm))
    _withdate(dt, ny, nm, nd)
end
_withdate(::Date, y, m, d) = Date(y, m, d)
_withdate(dt::DateTime, y, m, d) = DateTime(UTM(Millisecond(86400000 * totaldays(y, m, d) + _msofday(dt))))

+(dt::Union{Date,DateTime}, p::Year) = _addmonths(dt, 12 * value(p))
+(dt::Union{Date,DateTime}, p::Quarter) = _addmonths(dt, 3 * value(p))
+(dt::Union{Date,DateTime}, p::Month) = _addmonths(dt, value(p))
-(dt::Union{Date,DateTime}, p::Year) = _addmonths(dt, -12 * value(p))
-(dt::Union{Date,DateTime}, p::Quarter) = _addmonths(dt, -3 * value(p))
-(dt::Union{Date,DateTime}, p::Month) = _addmonths(dt, -value(p))

+(dt::Date, p::Week) = Date(UTD(Day(value(dt) + 7 * value(p))))
+(dt::Date, p::Day) = Date(UTD(Day(value(dt) + value(p))))
-(dt::Date, p::Week) = Date(UTD(Day(value(dt) - 7 * value(p))))
-(dt::Date, p::Day) = Date(UTD(Day(value(dt) - value(p))))

+(dt::DateTime, p::FixedPeriod) = DateTime(UTM(Millisecond(value(dt) + toms(p))))
-(dt::DateTime, p::FixedPeriod) = DateTime(UTM(Millisecond(value(dt) - toms(p))))

+(t::Time, p::TimePeriod) = Time(Nanosecond(value(t) + tons(p)))
-(t::Time, p::TimePeriod) = Time(Nanosecond(value(t) - tons(p)))

+(p::Period, dt::TimeType) = dt + p
+(d::Date, t::Time) = DateTime(d, t)
+(t::Time, d::Date) = DateTime(d, t)

# several periods at once are added coarsest first, whatever their order
+(dt::TimeType, p::Period, q::Period) = dt + (p + q)
+(dt::TimeType, p::Period, q::Period, r::Period...) = +(dt + (p + q), r...)
function +(dt::TimeType, c::CompoundPeriod)
    for p in c.periods
        dt += p
    end
    dt
end
+(c::CompoundPeriod, dt::TimeType) = dt + c
function -(dt::TimeType, c::CompoundPeriod)
    for p in c.periods
        dt -= p
    end
    dt
end
