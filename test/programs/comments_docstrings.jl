# comments, docstrings, statement separators and line continuation
#= a block comment
   spanning lines =#
#= nested #= inner =# still a comment =#
"""
    add(a, b)

Add two numbers. Docstrings are attached to the definition and never printed.
"""
add(a, b) = a + b

"Multiply two numbers."
function mul(a, b)
    a * b  # trailing comment
end

"A point with a \$ and \"quotes\" in its docstring"
struct Pt
    x::Int
    y::Int
end

"The answer."
const ANSWER = 42

println(add(1, 2)); println(mul(3, 4))
x = 1; y = 2; z = x + y
println(z, " ", ANSWER, " ", Pt(1, 2).y)
println(add(#= inline =# 5, 6), " ", 1 #= between =# + 2)
total = (1 +
         2 +
         3)
w = 10 *
    2
println(total, " ", w)
v = [1,
     2,   # a comment inside brackets
     3]
m = [
    10
    20
]
println(v, " ", m, " ", sum(m))
println("# not a comment", " ", "#= nor this =#")
r = begin a = 1; b = 2; a + b end
println(r)
if x == 1 println("one") end
for i in 1:3 print(i, ";") end; println()
#==#
#=
println("never printed")
=#
f(x) =
    x * 2
println(f(21), " ", f(
    4,
))
