# Printf: @printf/@sprintf, Printf.Format and Printf.format; integers, strings, chars, flags, widths, dynamic ones
using Printf

@printf "Hello %s\n" "world"
@printf "Padded to length 5 %5i\n" 123
@printf "Padded with zeros to length 6 %06i\n" 123
@printf "Use dynamic width and precision  %*.*f\n" 10 2 0.12345
@printf(stdout, "%s and %s\n", 1, :two)
Printf.@printf("qualified %d%%\n", 50)
println(@sprintf "this is a %s %15.1f" "test" 34.567)

show(Printf.@sprintf("%%")); println()
show(@sprintf("1%%%d", 2)); println()
show(@sprintf("GAP[%%]")); println()
show(@sprintf("\u00d0%d", 2)); println()
show(@sprintf("%d\u2203%d\u0203", 1, 2)); println()
show(@sprintf("%10.5d", 4)); println()
show(@sprintf("%d", typemax(Int64))); println()

# integers: flags, width, precision
for (fmt, x) in (("% d", 42), ("% d", -42), ("%+5d", 42), ("%05d", -42), ("%-5d", -42), ("%0-5d", 42),
                 ("%+.8lld", 100), ("%+10.8lld", 100), ("%-1.5lld", -100), ("% 8.5lld", -100), ("%.0lld", 0),
                 ("%#+21.18llx", -100), ("%#.25llo", -100), ("%#+18.21llX", -100), ("%#+25.22llu", -1),
                 ("%#-+ 08.5lld", 100), ("%#012x", 1), ("%#04.8x", 1), ("%#-08.2x", 1), ("%#08o", 1),
                 ("%o", 511), ("%x", 305441741), ("%X", UInt(3989525555)), ("%#o", UInt(0)), ("%#x", UInt(0)),
                 ("%20.5o", 511), ("%020.10X", UInt(3989525555)), ("%20.d", 0), ("%4d", typemin(Int8)),
                 ("%20d", typemin(Int64)), ("%6d", Int16(-32768)), ("%u", UInt32(42)), ("%x", Int128(42)))
    println(rpad(fmt, 13), "|", Printf.format(Printf.Format(fmt), x), "|")
end

# strings and chars
for (fmt, x) in (("%.1s", "foo"), ("%20s", "Hallo"), ("%-20s", "Hallo"), ("%0-20s", "Hallo"), ("%20.5s", "Hallo heimur"),
                 ("%.0s", "Hallo heimur"), ("%20.s", "Hallo heimur"), ("%4sø", "ø"), ("%-4sø", "ø"),
                 ("%#s", :test), ("%#8s", :test), ("%#-8s", :test), ("%#8.3s", "test"), ("%#-.3s", "test"),
                 ("%.2s", "föó"), ("%5s", "föó"), ("%6s", "😍🍕"), ("%2c", '🍕'), ("%3c", '🍕'), ("%4.2s", "a"),
                 ("%c", 65), ("%c", 248), ("%c", "ø"), ("%-3c", 'A'), ("%-020c", 'x'), ("%s", 1), ("%s", true),
                 ("%s", [1, 2]), ("%s", 1.5), ("%8s", nothing))
    println(rpad(fmt, 8), "|", Printf.format(Printf.Format(fmt), x), "|")
end
println(@sprintf("Test: %s%c%C%c%#-.0f.", "t", 65, 66, 67, -42))
println(@sprintf("%f %d %d %f", 1.0, [3 4]..., 5))
println(@sprintf("%s %f %9.5f %d %d %d %d%d%d%d", collect(1:6)..., [7, 8, 9, 10]...))
println(@sprintf("%s %s %s %d %d %d %f %f %f %s %s %s %d %d %d %f %f %f", [10 * x + (x + 1) for x = 1:18]...))

# dynamic width and precision
println(@sprintf("%*d|%.*d|%*.*d|%+*.*d|%0*.*d|", 10, 12, 4, 12, 10, 4, 12, 10, 4, 12, 10, 4, 12))
println(@sprintf("%*d%*d%*d", 4, 12, 5, 13, 6, 14))
println(@sprintf("%-*s|%*c|%.*s|", 8, "test", 3, 'a', 1, "foo"))

# %d of a float rounds it
println(@sprintf("%d|%2d|%d|%d|%d", 3.14, 3.14, 25.5, 1.0e100, Inf))

# Format objects, format(io, ...), the format"" macro, %n
fmt = Printf.Format("%s=%5.1f\n")
print(Printf.format(fmt, "x", 2.25))
Printf.format(stdout, fmt, "y", -0.05)
io = IOBuffer()
Printf.format(io, Printf.format"<%03d>", 7)
@printf(io, "[%s]", "z")
println(String(take!(io)))
println(length(fmt.formats), " ", isempty(Printf.Format("%%").formats), " ", Printf.Format("%-8.3e").formats[1])
println(string(Printf.Format("%a").formats[1]), " ", string(Printf.Format("%a").formats[1]; modifier = "R"))
n = Ref(0)
println(@sprintf("%d4%n", 123, n), " ", n[])
show(Printf.format(Printf.Format(""))); println()

# %p: an address as '#'-prefixed hex of its full size
println(@sprintf("%20p|%-20p|%p|%*p|", 0, 0, 0xfffffffffffe0000, 20, 0))
