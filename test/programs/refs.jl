# Ref cells, mutation through functions, identity vs equality, aliasing and copies
r = Ref(0)
r[] += 1
r[] += 10
println(r[], " ", r[] isa Int)
function bump!(c, by)
    c[] += by
    return nothing
end
bump!(r, 5)
println(r[])
counter = Ref(0)
for i in 1:10
    iseven(i) && (counter[] += i)
end
println(counter[])
s = Ref("text")
s[] = s[] * "!"
println(s[], " ", s[] isa String)
mutable struct Box
    v::Int
end
struct Frozen
    v::Int
end
b1 = Box(1)
b2 = b1
b2.v = 99
println(b1.v, " ", b1 === b2, " ", Box(1) === Box(1), " ", Box(1) == Box(1))
println(Frozen(1) === Frozen(1), " ", Frozen(1) == Frozen(1), " ", Frozen(2) === Frozen(3))
try
    f = Frozen(1)
    f.v = 2
catch e
    println(typeof(e))
end
setv!(b::Box, x) = (b.v = x; b)
setv!(b1, 7)
println(b2.v, " ", setv!(Box(0), 3).v)
a = [1, 2, 3]
b = a
push!(b, 4)
println(a, " ", a === b, " ", length(a))
c = copy(a)
push!(c, 5)
println(a, " ", c, " ", a == c[1:4], " ", a === c)
function clear_first!(v)
    v[1] = 0
end
clear_first!(a)
println(a, " ", b)
nested = [[1, 2], [3]]
shallow = copy(nested)
deep = [copy(x) for x in nested]
push!(nested[1], 99)
println(shallow, " ", deep, " ", shallow[1] === nested[1], " ", deep[1] === nested[1])
reassign(v) = (v = [100]; v)
orig = [1]
println(reassign(orig), " ", orig)
x = 5
y = x
y += 1
println(x, " ", y, " ", [1, 2] == [1, 2], " ", [1, 2] === [1, 2], " ", "ab" === "ab", " ", 1 === 1.0)
refs = [Ref(i) for i in 1:3]
foreach(q -> q[] *= 10, refs)
println([q[] for q in refs], " ", sum(q -> q[], refs))
