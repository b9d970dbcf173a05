# new() converts each argument to its field's type, in every kind of inner constructor
struct Wrapper{T}
    x::T
    Wrapper{T}(x) where {T} = new{T}(x)
end
println(Wrapper{Float64}(1))
println(typeof(Wrapper{Int}(2.0).x))

struct Account
    id::Int
    owner::String
    Account(id) = new(id, "nobody")
    Account(id, owner) = id < 0 ? error("negative id") : new(id, owner)
end
println(Account(7.0))
println(Account(3, "ann"))
try
    Account(2.5)
catch e
    println(e)
end
try
    Account(-1, "x")
catch e
    println(e)
end

mutable struct Stack
    items::Vector{Float64}
    depth::Int
    Stack() = new(Float64[], 0.0)
end
s = Stack()
push!(s.items, 1)
s.depth += 1
println(s.items, " ", s.depth, " ", typeof(s.depth))
