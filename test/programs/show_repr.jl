# show/repr versus print/string for scalars, strings and containers
println("a\"b\\c\n")
println(repr("a\"b\\c\n"), " ", repr("tab\there"), " ", repr("\$x"), " ", repr(""))
print("plain", 1, 'c', :s, nothing, 2.0)
println()
show("quoted")
show('c')
show(:s)
show(2.0)
show(nothing)
println()
println(repr('x'), " ", repr('\''), " ", repr('\\'), " ", repr('\t'), " ", repr(:sym), " ", repr(1.0), " ", repr(true))
println(string(nothing), " ", repr(nothing), " ", nothing === nothing, " ", isnothing(nothing), " ", string("a", nothing))
println([[1, 2], [3]], " ", Any[1, "a", 'c', :d, 2.5], " ", ["s", "t"], " ", ['a', 'b'])
println(("a", 'b', 1), " ", (1,), " ", (), " ", ((1, 2), "x"), " ", Tuple{Int,String})
println(Dict("k" => 1), " ", Dict(:a => [1, 2]), " ", Dict{Int,String}())
struct Point
    x::Int
    y::Int
end
struct Named
    name::String
    tag::Symbol
    p::Point
end
println(Point(1, 2), " ", repr(Point(-1, 0)), " ", Named("n", :t, Point(3, 4)), " ", [Point(0, 0)])
println([1.0, 2.5], " ", Float64[], " ", Int64[], " ", String[], " ", Any[], " ", [1.0, 2.0, 3.0] ./ 2)
println([true, false], " ", [nothing, nothing], " ", Union{Int,Nothing}[1, nothing], " ", [1, 2.5])
println(typeof([1, 2.5]), " ", typeof(Any[1]), " ", Vector{Float64}, " ", typeof([[1], [2]]))
println(string([1, 2]), " ", string(("a", 1)), " ", repr([1, 2]), " ", repr(["a"]), " ", repr((1, "b")))
println(1:5, " ", repr(1:5), " ", 0:2:10, " ", collect(1:3))
println([1 2; 3 4], " ", [1, "two", [3]], " ", Any[Any[]], " ", [(1, 2), (3, 4)])
println(repr("unicode: é ∀"), " ", repr('é'), " ", repr("\\d"))
show(stdout, [1, 2])
println()
print(stdout, "to ", "stdout")
println()
io = IOBuffer()
show(io, "x")
print(io, "x")
println(String(take!(io)))
println(sprint(show, "s"), " ", sprint(print, "s"), " ", sprint(show, 'c'), " ", sprint(print, :a), " ", sprint(show, :a))
# control characters in string and char literals
println(repr("a\rb\0\e\x01\$\"q"), " ", repr(Char(27)), " ", repr('\x01'), " ", repr('\\'), " ", repr("'"))
