# arrays of reference element types (strings, structs, arrays, unions; kept in a WasmGC reference vector):
# #undef elements, growth at both ends and in the middle, reshape, nested arrays, Dict storage, and bounds errors
mutable struct Account
    id::Int
    owner::String
end
function words(n)
    v = String[]
    for i in 1:n
        push!(v, string("w", i))
    end
    v
end
function total_bytes(v::Vector{String})
    s = 0
    for w in v
        s += sizeof(w)
    end
    s
end
v = words(12)
println(total_bytes(v), " ", v[end], " ", typeof(v))
insert!(v, 2, "zz"); deleteat!(v, 1); pushfirst!(v, "a0"); println(v[1:4], " ", length(v), " ", popfirst!(v), " ", pop!(v))
empty!(v); println(v, " ", isempty(v))
function accounts(n)
    as = Account[]
    for i in 1:n
        push!(as, Account(i, string("o", i)))
    end
    as[2].id = 40
    s = 0
    for a in as
        s += a.id
    end
    s, as[end].owner
end
println(accounts(5))
w = Vector{String}(undef, 3)
w[2] = "hi"
println(isassigned(w, 1), " ", isassigned(w, 2), " ", isassigned(w, 4))
try
    println(w[1])
catch e
    println(e)
end
function nested()
    m = [[1.0, 2.0], [3.0]]
    m[2] = [5.0, 6.0]
    push!(m[1], 10.0)
    s = 0.0
    for x in m
        s += sum(x)
    end
    s, m
end
println(nested())
r = reshape(["a", "b", "c", "d"], 2, 2)
r[1, 2] = "C"
println(r, " ", size(r))
u = Union{Int, Nothing}[1, nothing, 3]
println(u, " ", count(x -> x === nothing, u))
d = Dict("b" => 2, "a" => 1)
for i in 1:20
    d[string("k", i)] = i
end
delete!(d, "k3")
println(length(d), " ", d["k20"], " ", haskey(d, "k3"), " ", sort(collect(keys(d)))[1:3])
firstlast(v) = (v[1] = uppercase(v[1]); v[1] * v[end])
println(firstlast(["ab", "cd"]))
try
    firstlast(String[])
catch e
    println(e)
end
s = sort(["pear", "apple", "fig"]); println(s, " ", reverse(s))
