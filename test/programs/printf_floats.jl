# Printf's float conversions: digits of the exact binary value, ties to even; %e %f %g %a with every flag
using Printf

@printf "Scientific notation %e\n" 1.234
@printf "Scientific notation three digits %.3e\n" 1.23456
@printf "Decimal two digits %.2f\n" 1.23456
@printf "Use shorter of decimal or scientific %g %g\n" 1.23 12300000.0
@printf("%f %F %f %F\n", Inf, Inf, NaN, NaN)
@printf "%.0f %.1f %f\n" 0.5 0.025 -0.0078125

# rounding: exact binary value, half to even only on exact ties
for (fmt, x) in (("%.2f", 1.235), ("%.2f", 0.235), ("%.2f", 0.125), ("%.2f", 0.375), ("%.0f", 1.5), ("%.0f", 2.5),
                 ("%.0f", -2.5), ("%.1f", 0.25), ("%.1f", 0.35), ("%.2e", 1.235), ("%.2e", 0.235), ("%.1e", 0.999),
                 ("%.1f", 9.999), ("%+7.1f", 9.96), ("% 9.1e", 9.96), ("%12.3e", pi * 1e100), ("%.3f", 2.0005),
                 ("%.0f", 3e142), ("%.20f", 0.1), ("%.17g", 0.1), ("%.0e", 3e142), ("%#.0e", 3e142),
                 ("%e", 3e-42), ("%E", 3e42), ("%.3e", 5e-324), ("%.15f", 1 / 3), ("%f", 1e22), ("%f", -0.0),
                 ("%e", 0.0), ("%.3e", -0.0))
    println(rpad(fmt, 7), "|", Printf.format(Printf.Format(fmt), x), "|")
end

# %f and %e flags
for fmt in ("%f", "%+f", "% f", "%#f", "%.2f", "%4.1f", "%8.1f", "%+8.1f", "% 7.1f", "% 08.1f", "%08.1f", "%-08.1f",
            "%09.1f", "%+ 09.1f", "%+ 09.0f", "%+ #09.0f", "%e", "%E", "%+e", "%.2e", "%4.1e", "%8.1e", "% 08.1e",
            "%08.1e", "%-08.1e", "%09.1e", "%+09.1e", "%+ 09.0e", "%+ #09.0e")
    println(rpad(fmt, 9), "|", Printf.format(Printf.Format(fmt), 1.234), "|", Printf.format(Printf.Format(fmt), -1.234), "|")
end

# Inf and NaN: no zero padding
for fmt in ("%f", "%+f", "% f", "% #f", "%07f", "%e", "%+e", "%07e", "%g", "%G", "%a", "%10.4e")
    println(rpad(fmt, 7), "|", Printf.format(Printf.Format(fmt), Inf), "|", Printf.format(Printf.Format(fmt), -Inf),
            "|", Printf.format(Printf.Format(fmt), NaN), "|")
end

# %g: fixed or scientific by the exponent, trailing zeros dropped unless '#'
for (fmt, x) in (("%.6g", 12345678.0), ("%.6g", 1234567.8), ("%.6g", 123456.78), ("%.6g", 12345.678),
                 ("%.6g", 12340000.0), ("%10.5g", 123.4), ("%+10.5g", 123.4), ("%#10.5g", 123.4), ("%-10.5g", 123.4),
                 ("%-+10.5g", 123.4), ("%010.5g", 123.4), ("%010.5g", -123.4), ("%#.6g", 12340000.0),
                 ("%.5g", 42), ("%#.2g", 42), ("%#.5g", 42), ("%g", 0.00012), ("%g", 0.000012), ("%g", 123456.7),
                 ("%g", 1234567.8), ("%.15g", 0), ("%#.15g", 0), ("%.16g", 194.4778127560983),
                 ("%.18g", 194.4778127560983), ("%.1g", 1.7976931348623157e308), ("%.3g", 1.7976931348623157e308),
                 ("%g", 100000.0), ("%g", 1e6), ("%G", 1.5e-10), ("%g", 1), ("%.0g", 42.3), ("%#.0g", 42))
    println(rpad(fmt, 8), "|", Printf.format(Printf.Format(fmt), x), "|")
end

# %a: hexadecimal
for (fmt, x) in (("%a", 0.0), ("%a", -0.0), ("%.3a", 0.0), ("%a", 1.5), ("%a", 1.5f0), ("%#.0a", 1.5),
                 ("%+30a", 1 / 3), ("%a", 3.14), ("%.0a", 3.14), ("%.1a", 3.14), ("%.2a", 3.14), ("%#a", 3.14),
                 ("%#.1a", 3.14), ("%.6a", 1.5), ("%.2a", 1.2345), ("%.2A", 1.2345), ("%A", -1.0), ("%012a", 1.5),
                 ("%a", 5e-324), ("%a", 1024.0))
    println(rpad(fmt, 6), "|", Printf.format(Printf.Format(fmt), x), "|")
end

# integers and other reals through the float conversions; Float32 prints its exact value
println(@sprintf("%f|%e|%g|%.3f|%.10f|%5.1f", 1, 1, 1, Int32(7), 1.1f0, true))
for (fmt, x) in (("%7.2f", 1.2345), ("%-7.2f", 1.2345), ("%07.2f", 1.2345), ("%.0f", 1.2345), ("%#.0f", 1.2345),
                 ("%.4e", 1.2345), ("%.4E", 1.2345))
    println(rpad(fmt, 6), "|", Printf.format(Printf.Format(fmt), x), "|")
end
