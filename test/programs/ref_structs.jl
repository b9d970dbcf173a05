# structs with reference fields (kept in a WasmGC vector of references in compiled code): reads, writes, #undef,
# identity, and the structs the runtime makes (exceptions, closures, boxes, dictionaries)
struct Person
    name::String
    tags::Vector{String}
    age::Int
end
mutable struct Node
    value::Any
    next::Union{Node,Nothing}
    Node(v) = new(v, nothing)
    Node() = new()
end
describe(p::Person) = string(p.name, " (", p.age, "): ", join(p.tags, ", "))
function chain(n)
    head = Node(1)
    cur = head
    for i in 2:n
        nxt = Node(i)
        cur.next = nxt
        cur = nxt
    end
    head
end
function total(n::Node)
    s = 0
    cur = n
    while cur !== nothing
        s += cur.value
        cur = cur.next
    end
    s
end
p = Person("Ada", ["math", "code"], 36)
println(describe(p))
push!(p.tags, "engines")
println(describe(p), " ", length(p.tags))
println(total(chain(10)))
v = ["x"]
println(Person("a", v, 1) === Person("a", v, 1), " ", Person("a", ["x"], 1) === Person("a", ["x"], 1), " ", Person("a", v, 1) == Person("a", v, 1))
u = Node()
try
    println(u.value)
catch e
    println(typeof(e))
end
u.value = "set"
println(u.value, " ", isdefined(u, :next))
function counter()
    n = 0
    inc = () -> (n += 1)
    inc(); inc(); inc()
    n
end
println(counter())
d = Dict{String,Vector{Int}}()
for (i, w) in enumerate(split("a b a c b a"))
    push!(get!(d, w, Int[]), i)
end
println(sort(collect(keys(d))), " ", d["a"], " ", d["b"])
try
    error("boom")
catch e
    println(e.msg, " ", typeof(e))
end
struct Pair2{A,B}
    a::A
    b::B
end
q = Pair2("k", Pair2(1.5, nothing))
println(q.b.a, " ", q.b.b === nothing, " ", q)
