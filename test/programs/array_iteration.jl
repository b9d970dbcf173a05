# for loops over arrays of every kind of element (the optimizer inlines iterate and keeps the element in a local)
mutable struct Body
    x::Float64
    vx::Float64
end
struct Node
    left::Union{Node,Nothing}
    right::Union{Node,Nothing}
end
function total(v)
    s = zero(eltype(v))
    for x in v
        s += x
    end
    s
end
println(total([1.0, 2.5, -0.5]), " ", total([1, 2, 3]), " ", total(UInt8[200, 100]), " ", total(Int32[7, -9]))
println(total(Float32[0.5, 0.25]), " ", total(Bool[]), " ", total(Int8[]))
function advance!(bs::Vector{Body}, dt)
    for b in bs
        b.x += dt * b.vx
    end
    bs
end
bs = advance!([Body(0.0, 1.0), Body(10.0, -2.0)], 0.5)
println([b.x for b in bs])
function codes(cs::Vector{Char})
    out = Int[]
    for c in cs
        push!(out, Int(c))
    end
    out
end
println(codes(['a', 'λ', '∀']))
function words(ws::Vector{String})
    n = 0
    for w in ws
        n += ncodeunits(w)
    end
    n
end
println(words(["ab", "", "λx"]))
function mixed(v::Vector{Union{Int,String}})
    k = 0
    for x in v
        k += x isa Int ? x : length(x)
    end
    k
end
println(mixed(Union{Int,String}[3, "four", 5]))
make(d) = d == 0 ? Node(nothing, nothing) : Node(make(d - 1), make(d - 1))
check(n::Node) = n.left === nothing ? 1 : 1 + check(n.left) + check(n.right)
println(check(make(4)))
function leaves(ns::Vector{Node})
    c = 0
    for n in ns
        c += check(n)
    end
    c
end
println(leaves([make(1), make(2), make(0)]))
function nested(m::Vector{Vector{Float64}})
    s = 0.0
    for row in m
        for x in row
            s += x
        end
    end
    s
end
println(nested([[1.0, 2.0], Float64[], [3.5]]))
v = Vector{Any}(undef, 2)
v[1] = 1
try
    for x in v
        println(x)
    end
catch e
    println(typeof(e))
end
# array literals: one element type gives that vector type; nothing among others gives a Union
println(typeof([[1.0], [2.0]]), " ", typeof([nothing, 1]), " ", [nothing, 1], " ", typeof([1, "a"]), " ", typeof([]))
println(1, 2); println(1, 2, 3); println(1, 2, 3, 4); println(1, 2, 3, 4, 5); print(1, 2); print(1, 2, 3); println()
