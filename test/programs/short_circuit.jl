# short-circuit control flow, ifelse, nested ternaries, type assertions and typed locals, nothing handling
x = 5
x > 3 && println("big")
x > 10 && println("never")
x > 10 || println("not huge")
x < 10 || println("never either")
println(true && 7, " ", false || "fallback", " ", false && error("unreached"), " ", true || error("unreached"))
function check(n)
    n < 0 && return "neg"
    n == 0 && return "zero"
    "pos"
end
println(check(-2), " ", check(0), " ", check(9))
flag = false
x > 3 && (flag = true)
println(flag)
println(ifelse(x > 3, "a", "b"), " ", ifelse(false, 1, 2.5))
r = ifelse(true, (print("L "); 1), (print("R "); 2))
println(r)
r = true ? (print("L "); 1) : (print("R "); 2)
println(r)
grade(s) = s >= 90 ? "A" : s >= 80 ? "B" : s >= 70 ? "C" : "F"
println(grade(95), grade(85), grade(72), grade(10))
println(x > 3 ? 1 : 2 + 10, " ", (x > 3 ? 1 : 2) + 10, " ", x == 5 ? x < 3 ? "a" : "b" : "c")
if x > 0 && iseven(x)
    println("positive even")
elseif x > 0 || iseven(x)
    println("positive or even")
end
println(!(false || false) && !false, " ", !true || !false && false)
y = (1 + 2)::Int
println(y)
try
    1.5::Int
catch e
    println(typeof(e))
end
try
    1 && true
catch e
    println(typeof(e))
end
function typed_local()
    local z::Float64 = 1
    z += 1
    z
end
function typed_int()
    w::Int = 3.0
    w
end
function typed_bad()
    t::Int = 0
    t = 2.5
end
println(typed_local(), " ", typeof(typed_local()), " ", typed_int(), " ", typeof(typed_int()))
try
    typed_bad()
catch e
    println(typeof(e))
end
println(isnothing(nothing), " ", isnothing(0), " ", something(nothing, 3), " ", something(nothing, nothing, "z"))
idx = findfirst(==(3), [1, 2, 3])
miss = findfirst(==(9), [1, 2, 3])
println(something(idx, 0), " ", something(miss, 0), " ", isnothing(miss) ? "missing" : miss)
v = nothing
println(v === nothing ? "default" : v, " ", something(v, "alt"))
