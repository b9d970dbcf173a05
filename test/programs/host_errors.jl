# Errors the host raised inside Base come out as the Julia exceptions Julia raises, catchable like any other (they
# were internal errors).
try
    insert!([1], 5, 1)
catch e
    println(typeof(e))
end
v = [1, 2]
insert!(v, 3, 3)
insert!(v, 1, 0)
println(v)
try
    occursin(Regex("["), "a")
catch e
    println(typeof(e), " ", startswith(e.msg, "PCRE compilation error"))
end
println(occursin(r"b+", "abbc"))
