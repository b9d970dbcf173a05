# Dates: arithmetic with periods (calendar periods clamp the day), period arithmetic and conversions, compound
# periods, ranges and adjusters
using Dates

println(Date(2020, 1, 31) + Month(1))
println(Date(2014, 1, 31) + Month(1))
println(Date(2014, 1, 31) + Month(2))
println(Date(2020, 2, 29) + Year(1), " ", Date(2020, 2, 29) - Year(4))
println(Date(2020, 11, 30) + Month(3), " ", Date(2020, 3, 31) - Month(13))
println(Date(2020, 1, 31) + Quarter(1))
println((Date(2014, 1, 29) + Dates.Day(1)) + Dates.Month(1))
println((Date(2014, 1, 29) + Dates.Month(1)) + Dates.Day(1))
println(Date(2014, 1, 29) + Dates.Day(1) + Dates.Month(1))
println(Date(2014, 1, 29) + Dates.Month(1) + Dates.Day(1))
println(Date(2020, 3, 1) - Day(1), " ", Date(2021, 3, 1) - Day(1), " ", Date(2020, 1, 1) + Week(2))
println(Day(3) + Date(2020, 12, 30))
println(DateTime(2011, 4, 25) + Second(10^9))
println(DateTime(2015, 1, 24, 23, 59, 59) + Dates.Second(10^9))
println(DateTime(2020, 1, 31, 10, 30) + Month(1))
println(DateTime(2020, 1, 1) - Millisecond(1))
println(DateTime(2020, 1, 1, 22) + Hour(3), " ", DateTime(2020, 1, 1) + Day(1) + Hour(1))
println(Date(2020, 1, 2) + Time(17, 30))
println(Time(23, 30) + Minute(45), " ", Time(0, 15) - Hour(1))
println(Dates.value(Date(2020, 1, 2) - Date(2020, 1, 1)), " ", Date(2020, 1, 1) == DateTime(2020, 1, 1))
println(Date(2020, 1, 1) < Date(2020, 1, 2), " ", max(Date(2020, 5, 1), Date(2019, 5, 1)))

# periods behave as their integers
y1 = Dates.Year(1)
y2 = Dates.Year(2)
y3 = Dates.Year(10)
println(y1 + y2, ", ", div(y3, y2), ", ", y3 - y2, ", ", y3 % y2, ", ", div(y3, 3), ", ", y3 / y2)
println(Dates.value(Dates.Millisecond(10)), " ", Day(3) * 2, " ", 2 * Day(3), " ", -Day(2), " ", abs(Day(-2)))
println(Day(1) == Hour(24), " ", Week(1) == Day(7), " ", Day(1) < Hour(25), " ", Month(12) == Year(1))
println(Hour(Day(2)), " ", Day(Week(3)), " ", Minute(Hour(1)), " ", Month(Year(2)), " ", Day(Hour(48)))
println(zero(Day), " ", Day(2) > Day(1), " ", sort([Day(3), Day(1), Day(2)]))
try
    Day(Hour(25))
catch e
    println(typeof(e))
end
try
    Day(1.5)
catch e
    println(typeof(e))
end

# compound periods
println(Dates.Year(1) + Dates.Day(1))
println(Dates.CompoundPeriod(Dates.Hour(12), Dates.Hour(13)))
println(Dates.CompoundPeriod(Dates.Hour(-1), Dates.Minute(1)))
println(Dates.CompoundPeriod(Dates.Month(1), Dates.Week(-2)))
println(Dates.CompoundPeriod(Dates.Minute(50000)))
println(Dates.canonicalize(Dates.CompoundPeriod(Dates.Hour(12), Dates.Hour(13))))
println(Dates.canonicalize(Dates.CompoundPeriod(Dates.Hour(-1), Dates.Minute(1))))
println(Dates.canonicalize(Dates.CompoundPeriod(Dates.Month(1), Dates.Week(-2))))
println(Dates.canonicalize(Dates.CompoundPeriod(Dates.Minute(50000))))
println(Date(2014, 1, 31) + (Month(1) + Day(1)))

# ranges
dr = Date(2014, 1, 29):Day(1):Date(2014, 2, 3)
println(dr)
display(collect(dr))
dr = Date(2014, 1, 29):Dates.Month(1):Date(2014, 07, 29)
println(dr)
display(collect(dr))
println(length(dr), " ", dr[2], " ", Date(2014, 3, 29) in dr, " ", Date(2014, 3, 30) in dr)
for d in Date(2020, 2, 27):Day(1):Date(2020, 3, 1)
    print(d, " ")
end
println()
println(collect(Date(2020, 1, 5):Day(-2):Date(2020, 1, 1)))
println(length(Date(2020, 1, 5):Day(1):Date(2020, 1, 1)), " ", length(DateTime(2020, 1, 1):Hour(6):DateTime(2020, 1, 2)))

# adjusters
println(Dates.firstdayofweek(Date(2014, 7, 16)), " ", Dates.lastdayofweek(Date(2014, 7, 16)))
println(Dates.firstdayofmonth(Date(2014, 7, 16)), " ", Dates.lastdayofmonth(Date(2014, 7, 16)))
println(Dates.firstdayofquarter(Date(2014, 7, 16)), " ", Dates.lastdayofquarter(Date(2014, 7, 16)))
println(Dates.firstdayofyear(Date(2014, 7, 16)), " ", Dates.lastdayofyear(Date(2014, 7, 16)))
println(lastdayofmonth(DateTime(2020, 2, 10, 13, 45)))
istuesday = x -> Dates.dayofweek(x) == Dates.Tuesday
println(Dates.tonext(istuesday, Date(2014, 7, 13)))
println(Dates.tonext(Date(2014, 7, 13), Dates.Tuesday), " ", Dates.toprev(Date(2014, 7, 13), Dates.Tuesday))
println(Dates.tonext(Date(2014, 7, 15), Dates.Tuesday; same=true))
println(Dates.tofirst(Date(2014, 7, 13), Dates.Monday), " ", Dates.tolast(Date(2014, 7, 13), Dates.Monday))
thanksgiving = Dates.tonext(Date(2014, 7, 13)) do x
    Dates.dayofweek(x) == Dates.Thursday &&
        Dates.dayofweekofmonth(x) == 4 &&
        Dates.month(x) == Dates.November
end
println(thanksgiving)
dr = Dates.Date(2014):Day(1):Dates.Date(2015)
display(filter(dr) do x
    Dates.dayofweek(x) == Dates.Tue &&
        Dates.April <= Dates.month(x) <= Dates.Nov &&
        Dates.dayofweekofmonth(x) == 2
end)
println(typeof(dr), " ", typeof(1:2:5), " ", eltype(dr))

# rounding to a multiple of a period, counted from year zero
println(floor(Date(1985, 8, 16), Dates.Month))
println(ceil(DateTime(2013, 2, 13, 0, 31, 20), Dates.Minute(15)))
println(round(DateTime(2016, 8, 6, 20, 15), Dates.Day))
println(round(DateTime(2016, 7, 17, 11, 55), Dates.Hour(10)))
println(round(DateTime(2016, 7, 17, 8, 55, 30), Dates.Hour(2)))
println(round(DateTime(2016, 7, 17, 8, 55, 30), Dates.Minute(2)))
println(round(DateTime(2016, 7, 17, 8, 55, 30), Dates.Month(2)))
println(floor(Date(2014, 7, 16), Week), " ", floor(DateTime(2014, 7, 16, 5), Year), " ", ceil(Date(2014, 7, 16), Month))
