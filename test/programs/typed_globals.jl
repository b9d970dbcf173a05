# A global's declared type holds for every assignment, not only the first: each value is converted to it, and one
# that cannot be is a MethodError (x kept its declared type only at the first assignment).
x::Int = 1
x = 2.0
println(x, " ", typeof(x))
try
    global x = "s"
catch e
    println(typeof(e))
end
println(x)
global y::Float64
y = 3
println(y, " ", typeof(y))
function setz(v)
    global z::Int = v
end
setz(4.0)
println(z, " ", typeof(z))
w = 1
try
    global w::String = "a"
catch e
    println(e.msg)
end
