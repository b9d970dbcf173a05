# The Dates standard library, written in Jolt: dates, times and periods on the proleptic Gregorian calendar, counted
# as Julia counts them (a Date in days, a DateTime in milliseconds, both from 0000-12-31; a Time in nanoseconds from
# midnight), with Julia's arithmetic, adjusters, ranges, parsing and printing.
module Dates

import Base: ==, +, -, *, /, %, div, fld, mod, rem, isless

export Period, DatePeriod, TimePeriod,
    Year, Quarter, Month, Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond,
    TimeZone, UTC, TimeType, DateTime, Date, Time,
    canonicalize,
    yearmonthday, yearmonth, monthday, year, month, week, day,
    hour, minute, second, millisecond, dayofmonth, microsecond, nanosecond,
    dayofweek, isleapyear, daysinmonth, daysinyear, dayofyear, dayname, dayabbr,
    dayofweekofmonth, daysofweekinmonth, monthname, monthabbr, quarterofyear, dayofquarter,
    Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    Mon, Tue, Wed, Thu, Fri, Sat, Sun,
    January, February, March, April, May, June, July, August, September, October, November, December,
    Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Oct, Nov, Dec,
    unix2datetime, datetime2unix, now, today, rata2datetime, datetime2rata, julian2datetime, datetime2julian,
    firstdayofweek, lastdayofweek, firstdayofmonth, lastdayofmonth, firstdayofyear, lastdayofyear,
    firstdayofquarter, lastdayofquarter, adjust, tonext, toprev, tofirst, tolast,
    ISODateTimeFormat, ISODateFormat, ISOTimeFormat, DateFormat, RFC1123Format, @dateformat_str

include("types.jl")
include("periods.jl")
include("accessors.jl")
include("arithmetic.jl")
include("adjusters.jl")
include("ranges.jl")
include("rounding.jl")
include("io.jl")

end # module
