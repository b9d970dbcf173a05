# Dates: constructors, accessors, queries and how dates, times and periods print
using Dates

println(DateTime(2013))
println(DateTime(2013, 7))
println(DateTime(2013, 7, 1, 12, 30, 59))
println(DateTime(2013, 7, 1, 12, 30, 59, 1))
println(Date(2013))
println(Date(2013, 7))
println(Date(Dates.Year(2013), Dates.Month(7), Dates.Day(1)))
println(Date(Dates.Month(7), Dates.Year(2013)))
df = DateFormat("y-m-d")
println(Date("2015-01-01", df))
println(Date("2020-01-02"))
println(DateTime("2015-01-24T22:00:00"))
println(DateTime("2011-04-25"))

dt = Date(2012, 2, 29)
dt2 = Date(2000, 2, 1)
println(Dates.value(dt), " ", Dates.value(dt2))
println(dt > dt2, " ", dt != dt2)
println(dt - dt2)
println(dt2 - dt)
println(DateTime(2012, 2, 29) - DateTime(2000, 2, 1))

t = Date(2014, 1, 31)
println(Dates.year(t), " ", Dates.month(t), " ", Dates.week(t), " ", Dates.day(t))
println(Dates.Year(t))
println(Dates.Day(t))
println(Dates.yearmonth(t), " ", Dates.monthday(t), " ", Dates.yearmonthday(t))
println(t.instant)
println(Dates.value(t))
println(Dates.dayofweek(t), " ", Dates.dayname(t), " ", Dates.dayofweekofmonth(t))
println(Dates.monthname(t), " ", Dates.daysinmonth(t), " ", dayabbr(t), " ", monthabbr(t))
println(Dates.isleapyear(t), " ", Dates.dayofyear(t), " ", Dates.quarterofyear(t), " ", Dates.dayofquarter(t))
println(isleapyear(2000), isleapyear(1900), isleapyear(2024), " ", daysinmonth(2024, 2), " ", daysinyear(2023))
println(dayname(1), " ", monthname(12), " ", Dates.Saturday, " ", Dates.August)

d = DateTime(2015, 1, 24, 22, 5, 9)
println(hour(d), " ", minute(d), " ", second(d), " ", millisecond(d))
println(Date(d), " ", Time(d), " ", DateTime(Date(2020, 1, 2)))
println(Time(13, 5), " ", Time(12, 0, 0, 500))

# print gives the ISO form; show (repr, inside containers) the constructor that reads it back
show(dt)
println()
show(d)
println()
println(repr(Date(2020, 1, 2)))
println([Date(2020, 1, 2), Date(2020, 1, 3)])
display([Date(2020, 1, 2), Date(2020, 1, 3)])
println(Day(3), " ", Day(1), " ", Day(-1), " ", Hour(2), " ", Millisecond(10))
println(repr(Day(3)), " ", [Day(1), Day(2)])
display(Dates.Year(1))
display(Dates.Year(2))
println(typeof(dt), " ", typeof(d), " ", typeof(Day(1)))

for (y, m, dd) in ((2020, 13, 1), (2021, 2, 29))
    try
        Date(y, m, dd)
    catch e
        println(e)
    end
end

# time() is the wall clock, in seconds since the Unix epoch
println(time() > 1.7e9, " ", year(now()) >= 2024, " ", now() - now(UTC) < Hour(15), " ", today() isa Date)
