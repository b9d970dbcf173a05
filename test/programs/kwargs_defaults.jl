# default arguments and keyword arguments
greet(name, greeting="Hello", punct="!") = string(greeting, ", ", name, punct)
println(greet("Ann"), " ", greet("Bob", "Hi"), " ", greet("Cy", "Hey", "?"))
f(a, b=a * 2, c=a + b) = (a, b, c)
println(f(1), " ", f(1, 5), " ", f(1, 5, 0))
app(x, v=Int[]) = (push!(v, x); length(v))
println(app(1), " ", app(2), " ", app(3, [1, 2]))
function box(; width=1, height=width * 2)
    width * height
end
println(box(), " ", box(width=3), " ", box(height=5), " ", box(width=2, height=2), " ", box(height=1, width=7))
need(; name) = "name=$name"
println(need(name="x"))
try
    need()
catch e
    println(typeof(e), " ", e.var)
end
function opts(a; kw...)
    println(a, " ", length(kw), " ", isempty(kw))
    for (k, v) in kw
        println("  ", k, " => ", v)
    end
end
opts(1)
opts(2; x=1, y="two")
nt_of(; kw...) = (; kw...)
println(nt_of(p=1, q=2.5), " ", nt_of())
width = 7
println(box(; width), " ", box(; width, height=3))
height = 3
println(box(; width, height))
nt = (width=2, height=5)
println(box(; nt...), " ", box(; :width => 4))
wrapper(; kw...) = box(; kw...)
println(wrapper(), " ", wrapper(height=10))
g(x, y=2; z=3) = x + y + z
println(g(1), " ", g(1; z=10), " ", g(1, 1, z=0), " ", g(1, z=0))
h(x; scale=1, shift=0) = x * scale + shift
println(map(x -> h(x; shift=1), [1, 2]), " ", h(2, scale=3))
function describe(x::Int; verbose::Bool=false)
    verbose ? "Int with value $x" : "Int"
end
println(describe(5), " ", describe(5; verbose=true))
