# A call whose argument type is abstract (an element of a Vector{Any}, a value of a Dict{String,Any}) infers the
# union of what the methods it may reach return, when there are at most three of them (Julia's max_methods), so the
# code after it stays typed; a new method the call may reach invalidates the callers, which infer and run anew.
w(x::Int) = 1
w(x::String) = 2
h(v) = w(v[1]) + 1
v = Any[1]
println(h(v))
println(Base.return_types(h, (Vector{Any},)))
w(x::Float64) = 1.5
println(h(Any[1.0]), " ", h(Any["s"]), " ", h(v))
println(Base.return_types(h, (Vector{Any},)))
w(x::Char) = 'c'
println(h(Any['a']), " ", h(v))
println(Base.return_types(h, (Vector{Any},)))

# a Dict's entries are Pairs of its own key and value types, whatever the value's type
weight(x::Int) = x
weight(x::Float64) = x
weight(x::String) = length(x)
function sum_values(d)
    s = 0.0
    for (k, v) in d
        s += weight(v)
    end
    return s
end
d = Dict{String,Any}("a" => 1, "b" => 2.5, "c" => "xyz")
println(sum_values(d))
println(Base.return_types(sum_values, (Dict{String,Any},)))
println(Base.return_types(first, (Dict{String,Any},)))
for p in Dict{String,Any}("k" => 1)
    println(typeof(p))
end
println(typeof(first(Dict{Any,Any}(1 => "x"))))

# a type constructor given an Any
mkpair(v) = Pair{String,Any}("x", v[1])
println(Base.return_types(mkpair, (Vector{Any},)), " ", mkpair(Any[3]))
