# A Dict whose entries were all deleted takes new ones (deleted entries used to fill every slot: the probe for a
# free slot never ended); user hash(x, h::UInt) and isequal methods decide which keys are the same.
d = Dict{Int,Int}()
for i in 1:5000
    d[i] = i + 1
end
for i in 1:5000
    delete!(d, i)
end
println(isempty(d))
for i in 1:5000
    d[i] = 2i
end
println(length(d), " ", d[77], " ", d[5000], " ", haskey(d, 5001))
for i in 1:2:5000
    delete!(d, i)
end
println(length(d), " ", sum(values(d)))

struct P3
    a::Int
    b::Int
end
Base.hash(p::P3, h::UInt) = hash(p.a, h)
Base.isequal(p::P3, q::P3) = p.a == q.a
e = Dict(P3(1, 2) => "x")
println(haskey(e, P3(1, 5)), " ", e[P3(1, 9)], " ", length(Set([P3(2, 1), P3(2, 3), P3(4, 0)])))

mutable struct I1438
    id
end
Base.hash(x::I1438, h::UInt) = hash(x.id, h)
xs = [I1438(id) for id in 1:53]
s = Set()
ok = true
for id in [26, 28, 29, 30, 31, 32, 33, 34, 35, 36, -32, -35, -34, -28, 37, 38, 39, 40, -30, -31, 41, 42, 43, 44,
           -33, -36, 45, 46, 47, 48, -37, -38, 49, 50, 51, 52, -46, -50, 53]
    if id > 0
        push!(s, xs[id])
        global ok &= xs[id] in s
    else
        delete!(s, xs[-id])
    end
end
println(ok, " ", length(s))

# isequal values hash alike, and hash(x) is hash(x, zero(UInt))
println(hash(1) == hash(1.0) == hash(true) == hash(1 // 1) == hash(Int8(1)) == hash(1 + 0im), " ",
        hash(2, UInt(7)) == hash(2.0, UInt(7)), " ", hash(3) == hash(3, zero(UInt)), " ", hash("ab") isa UInt)
println(Dict{Any,Any}(1 => "a")[1.0], " ", Dict(1 + 0im => 2)[1])

# more of Julia's Dict API
h = Dict{Any,Any}("a" => 3)
h["a", "b"] = 4
println(h["a", "b"] == h[("a", "b")] == 4)
m = merge(Dict(1 => 1), Dict(2 => 2.0))
println(typeof(m), " ", m[1], " ", m[2])
println(get!(() -> 7, h, 9), " ", pop!(h, 9), " ", pop!(h, 10, :none), " ", getkey(h, "a", 0))
c = copy(h)
println(c == h, " ", isequal(Dict(1 => 0.0), Dict(1 => -0.0)), " ", Dict(1 => missing) == Dict(1 => missing))
println(filter!(p -> p.second == 3, c))
println(empty!(c), " ", Dict{Any,Any}(Dict(1 => 2)))
try
    'a' in Dict('a' => 1)
catch e
    println(typeof(e))
end
