# Dates: formatting with DateFormat codes and parsing strings into dates and times
using Dates

d = Date(2020, 1, 2)
dt = DateTime(2015, 1, 24, 22, 5, 9)
println(Dates.format(d, "yyyy-mm-dd"))
println(Dates.format(d, "dd/mm/yyyy"), " ", Dates.format(d, "d.m.yy"), " ", Dates.format(d, "yyyymmdd"))
println(Dates.format(d, "e, d U yyyy"), " | ", Dates.format(Date(2020, 3, 9), "E u d Y"))
println(Dates.format(dt, "HH:MM:SS"), " ", Dates.format(dt, "yyyy-mm-ddTHH:MM"))
println(Dates.format(DateTime(2015, 1, 24, 22, 5, 9, 500), "yyyy-mm-dd HH:MM:SS.s"))
println(Dates.format(DateTime(2015, 1, 24, 22, 5, 9, 5), "HH:MM:SS.sss"))
println(Dates.format(DateTime(2015, 1, 24, 15, 5), "I:MM p"), " ", Dates.format(DateTime(2015, 1, 24, 0, 5), "I:MM p"))
println(Dates.format(d, "y\\ym\\m"), " ", Dates.format(dt, RFC1123Format))
println(Dates.format(dt, ISODateTimeFormat), " ", Dates.format(d, ISODateFormat))

println(dateformat"yyyy-mm-dd")
println(DateFormat("y\\ym\\m"))
println(Date("2013-05-13", dateformat"y-m-d"))
println(Date("2015-01-01", "y-m-d"))
println(DateTime("20150101", "yyyymmdd"))
println(DateTime("2015-01-01 12:30 PM", "yyyy-mm-dd HH:MM p"), " ", DateTime("2015-01-01 12:30 AM", "yyyy-mm-dd HH:MM p"))
println(Date("Jan 5 2020", "u d yyyy"), " ", Date("5 March 2021", "d U yyyy"), " ", Date("Monday 2020-03-09", "E yyyy-mm-dd"))
println(DateTime("2015-01-24T22:00:00.25"), " ", DateTime("2015-01-24T22:00"))
println(Time("22:05:09"), " ", Time("9:15", "H:M"))
println(Date.(["2020-01-01", "2021-12-31"]))
println(parse(Date, "2021-07-04"), " ", tryparse(Date, "2021-13-04"), " ", tryparse(Date, "nonsense"))
for s in ("2021-13-04", "2021-02-30")
    try
        Date(s)
    catch e
        println(e)
    end
end
