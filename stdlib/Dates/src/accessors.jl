# Accessors (the fields of a date or time) and queries (weekdays, names, leap years, quarters).

# the day count of a date or date-time
_days(dt::Date) = value(dt)
_days(dt::DateTime) = fld(value(dt), 86400000)

yearmonthday(dt::TimeType) = yearmonthday(_days(dt))
yearmonth(dt::TimeType) = ((y, m, d) = yearmonthday(dt); (y, m))
monthday(dt::TimeType) = ((y, m, d) = yearmonthday(dt); (m, d))
year(dt::TimeType) = yearmonthday(dt)[1]
month(dt::TimeType) = yearmonthday(dt)[2]
day(dt::TimeType) = yearmonthday(dt)[3]
dayofmonth(dt::TimeType) = day(dt)

# the clock of a DateTime, in milliseconds since its midnight; of a Time, in nanoseconds
_msofday(dt::DateTime) = mod(value(dt), 86400000)
hour(dt::DateTime) = div(_msofday(dt), 3600000)
minute(dt::DateTime) = rem(div(_msofday(dt), 60000), 60)
second(dt::DateTime) = rem(div(_msofday(dt), 1000), 60)
millisecond(dt::DateTime) = rem(_msofday(dt), 1000)
hour(t::Time) = div(value(t), 3600000000000)
minute(t::Time) = rem(div(value(t), 60000000000), 60)
second(t::Time) = rem(div(value(t), 1000000000), 60)
millisecond(t::Time) = rem(div(value(t), 1000000), 1000)
microsecond(t::Time) = rem(div(value(t), 1000), 1000)
nanosecond(t::Time) = rem(value(t), 1000)

# the ISO week number: weeks start on Monday, and week 1 is the one holding the year's first Thursday
function week(dt::TimeType)
    d = _days(dt)
    thursday = d - dayofweek(d) + 4
    y = yearmonthday(thursday)[1]
    return div(thursday - totaldays(y, 1, 1), 7) + 1
end

# the period constructors read the same fields (Day(Date(2014, 1, 31)) == Day(31))
for (P, f) in ((:Year, :year), (:Month, :month), (:Week, :week), (:Day, :day))
    @eval $P(dt::TimeType) = $P($f(dt))
end
Quarter(dt::TimeType) = Quarter(quarterofyear(dt))
for (P, f) in ((:Hour, :hour), (:Minute, :minute), (:Second, :second), (:Millisecond, :millisecond))
    @eval $P(dt::Union{DateTime,Time}) = $P($f(dt))
end
Microsecond(t::Time) = Microsecond(microsecond(t))
Nanosecond(t::Time) = Nanosecond(nanosecond(t))

# ---- queries

# 0001-01-01 (day 1) was a Monday
dayofweek(days::Int64) = mod1(days, 7)
dayofweek(dt::TimeType) = dayofweek(_days(dt))

isleapyear(dt::TimeType) = isleapyear(year(dt))
daysinmonth(dt::TimeType) = ((y, m, d) = yearmonthday(dt); daysinmonth(y, m))
daysinyear(y::Integer) = isleapyear(y) ? 366 : 365
daysinyear(dt::TimeType) = daysinyear(year(dt))
dayofyear(dt::TimeType) = _days(dt) - totaldays(year(dt), 1, 1) + 1
dayofyear(y::Integer, m::Integer, d::Integer) = totaldays(y, m, d) - totaldays(y, 1, 1) + 1

quarterofyear(dt::TimeType) = div(month(dt) - 1, 3) + 1
dayofquarter(dt::TimeType) = ((y, m, d) = yearmonthday(dt); _days(dt) - totaldays(y, m - rem(m - 1, 3), 1) + 1)

# which of its weekday the date is in its month (the 5th Friday), and how many of that weekday the month has
dayofweekofmonth(dt::TimeType) = div(day(dt) - 1, 7) + 1
function daysofweekinmonth(dt::TimeType)
    y, m, d = yearmonthday(dt)
    n = daysinmonth(y, m)
    return div(d - 1, 7) + 1 + div(n - d, 7)
end

# ---- names, by locale

struct DateLocale
    months::Vector{String}
    months_abbr::Vector{String}
    days_of_week::Vector{String}
    days_of_week_abbr::Vector{String}
    month_value::Dict{String,Int64}
    month_abbr_value::Dict{String,Int64}
    day_of_week_value::Dict{String,Int64}
    day_of_week_abbr_value::Dict{String,Int64}
end
function _valuemap(names::Vector{String})
    d = Dict{String,Int64}()
    for (i, n) in enumerate(names)
        d[lowercase(n)] = i
    end
    d
end
function DateLocale(months::Vector{String}, months_abbr::Vector{String}, days_of_week::Vector{String},
        days_of_week_abbr::Vector{String})
    DateLocale(months, months_abbr, days_of_week, days_of_week_abbr, _valuemap(months), _valuemap(months_abbr),
        _valuemap(days_of_week), _valuemap(days_of_week_abbr))
end

const ENGLISH = DateLocale(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December"],
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
const LOCALES = Dict{String,DateLocale}("english" => ENGLISH)

_locale(l::DateLocale) = l
_locale(l::AbstractString) = LOCALES[l]

dayname(day::Integer, locale::DateLocale) = locale.days_of_week[day]
dayabbr(day::Integer, locale::DateLocale) = locale.days_of_week_abbr[day]
monthname(month::Integer, locale::DateLocale) = locale.months[month]
monthabbr(month::Integer, locale::DateLocale) = locale.months_abbr[month]
dayname(day::Integer; locale="english") = dayname(day, _locale(locale))
dayabbr(day::Integer; locale="english") = dayabbr(day, _locale(locale))
monthname(month::Integer; locale="english") = monthname(month, _locale(locale))
monthabbr(month::Integer; locale="english") = monthabbr(month, _locale(locale))
dayname(dt::TimeType; locale="english") = dayname(dayofweek(dt), _locale(locale))
dayabbr(dt::TimeType; locale="english") = dayabbr(dayofweek(dt), _locale(locale))
monthname(dt::TimeType; locale="english") = monthname(month(dt), _locale(locale))
monthabbr(dt::TimeType; locale="english") = monthabbr(month(dt), _locale(locale))

# name -> number (0 when unknown), ignoring case
_monthname_value(word, l::DateLocale) = get(l.month_value, lowercase(word), 0)
_monthabbr_value(word, l::DateLocale) = get(l.month_abbr_value, lowercase(word), 0)
_dayname_value(word, l::DateLocale) = get(l.day_of_week_value, lowercase(word), 0)
_dayabbr_value(word, l::DateLocale) = get(l.day_of_week_abbr_value, lowercase(word), 0)
