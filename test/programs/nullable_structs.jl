# structs that are kept as WasmGC vectors, held where `nothing` may stand instead (Union{T, Nothing}): fields, locals,
# arrays, arguments and results; and structs stored in fields and arrays of any type keep their identity
mutable struct Link
    val::Int
    next::Union{Link, Nothing}
end
function build(n)
    head = nothing
    for i in n:-1:1
        head = Link(i, head)
    end
    head
end
function total(l::Union{Link, Nothing})
    s = 0
    while l !== nothing
        s += l.val
        l = l.next
    end
    s
end
function find(l, v)
    while l !== nothing
        l.val == v && return l
        l = l.next
    end
    return nothing
end
lst = build(10)
println(total(lst), " ", total(nothing), " ", find(lst, 4).val, " ", find(lst, 11) === nothing)
f4 = find(lst, 4)
f4.val = 40
println(total(lst), " ", find(lst, 40) === f4, " ", f4 === lst.next.next.next)
lst.next.next = nothing
println(total(lst), " ", lst.next.next === nothing, " ", isa(lst.next, Link), " ", isa(lst.next.next, Link))

struct Node
    left::Union{Node, Nothing}
    right::Union{Node, Nothing}
end
make(d) = d == 0 ? Node(nothing, nothing) : Node(make(d - 1), make(d - 1))
check(n::Node) = n.left === nothing ? 1 : 1 + check(n.left) + check(n.right)
depth(n::Union{Node, Nothing}) = n === nothing ? 0 : 1 + max(depth(n.left), depth(n.right))
t = make(6)
println(check(t), " ", depth(t), " ", depth(nothing), " ", t.left.left === nothing)

slots = Vector{Union{Link, Nothing}}(undef, 4)
slots[1] = Link(1, nothing); slots[2] = nothing; slots[3] = lst
println(isassigned(slots, 4), " ", [s === nothing ? 0 : s.val for s in slots[1:3]])
try
    slots[4]
catch e
    println(e)
end

mutable struct Holder
    x::Any
end
h = Holder(f4)
h.x.val += 1
println(f4.val, " ", h.x === f4, " ", typeof(h.x))
h.x = [1.0, 2.0]
push!(h.x, 3.0)
println(h.x, " ", sum(h.x))
bag = Any[f4, "s", 3]
keep = Link[f4, f4]
keep[1].val = 7
println(bag[1].val, " ", keep[2] === f4, " ", bag[1] === keep[1])
