# string utilities and regular expressions
s = "  Hello, World!  "
println("[", strip(s), "] [", lstrip(s), "] [", rstrip(s), "]")
println(replace("banana", "a" => "o"), " ", replace("a1b22c333", r"[0-9]+" => "#"))
println(join(split("a,b,,c", ","), "|"), " ", length(split("a,b,,c", ",")), " ", join([1, 2, 3], "-"))
println(startswith("julia", "ju"), " ", endswith("julia", "ia"), " ", occursin(r"l+", "hello"))
m = match(r"(\w+)@(\w+)\.com", "mail: jane@example.com")
println(m.match, " ", m.captures[1], " ", m.captures[2])
println([String(x.match) for x in eachmatch(r"\d+", "a1b23c456")])
println(lowercase("ÀB"), " ", uppercase("straße"), " ", reverse("héllo"))
println(repeat("ab", 3), " ", "x"^4, " ", lpad("7", 3, "0"), " ", rpad("ab", 4, "."))
println(isdigit('7'), " ", isletter('é'), " ", isspace('\t'), " ", Int('A'), " ", Char(98))
println(collect("añb"), " ", length("añb"), " ", sizeof("añb"))
println(string(1, 2.5, 'c', "d", :e))
