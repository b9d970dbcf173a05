# view and @view (a vector's range, a matrix's column or row), permute!/invpermute!, Char and reversed step ranges
a = [8, 6, 7, 5, 3, 0, 9]
b = @view a[UInt(2):UInt(5)]
sort!(b)
println(b, " ", a, " ", b isa SubArray, " ", parent(b) === a, " ", length(b), " ", sort(@view a[2:end]))
ix = collect(1:7)
r = sortperm!(view(ix, 1:3), view(a, 1:3))
println(r, " ", ix, " ", r isa SubArray)
m = [1 2; 3 4]
v = view(m, :, 2)
v[1] = 9
println(m, " ", view(m, 2, :), " ", view([1, 2, 3], :), " ", view([5, 6, 7], [3, 1]))
try
    view([1, 2], 1:3)
catch e
    println(typeof(e))
end
c = [10, 20, 30]
println(permute!(c, [2, 3, 1]), " ", invpermute!(c, [2, 3, 1]))
println(collect('a':'e'), " ", 'a':'e', " ", collect('e':-2:'a'), " ", length('a':'z'), " ", isempty('b':'a'))
println(collect(reverse(1:3:10)), " ", collect(reverse(0.0:0.5:1.5)), " ", isempty(5:-1:6))
println(Set(x for x in 1:0) isa Set{Int}, " ", Set(x for x in 1:3 if false) isa Set{Int})
try
    missing(1)
catch e
    println(occursin("MethodError: objects of type Missing are not callable", sprint(showerror, e)))
end
using Test
s = Set([1])
println(Test.GenericSet(s) == s, " ", sizehint!(Test.GenericSet(s), 10) == s, " ", length(GenericSet(Set([1, 2]))))
