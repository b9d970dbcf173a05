# Base.Order (orderings) and Base.Sort (algorithms, partial sorts, binary search)
using Base.Order
println(Forward == ForwardOrdering(), " ", ReverseOrdering(Forward) == ReverseOrdering() == Reverse)
println(ReverseOrdering(Reverse) === Forward, " ", Base.Order.lt(Reverse, 1, 2), " ", Base.Order.lt(By(abs), -3, 2))
println(Base.Order.lt(Lt((a, b) -> a > b), 3, 2), " ", Base.Order.lt(Perm(Forward, [5, 5, 1]), 1, 2))
println(ord(isless, identity, true) === Reverse, " ", ord(isless, abs, nothing) isa By)
println(Base.Sort.midpoint(1, 3), " ", Base.Sort.midpoint(-4, -2), " ", Base.Sort.midpoint(typemax(Int) - 2, typemax(Int)) == typemax(Int) - 1)
println(sort([2, 3, 1]; order=Forward), " ", sort([2, 3, 1], order=Reverse), " ", sort([-2, 3, -1]; order=By(abs, Reverse)))
for alg in (InsertionSort, MergeSort, QuickSort, Base.DEFAULT_STABLE, Base.DEFAULT_UNSTABLE, Base.Sort.ScratchQuickSort())
    a = [(i * 7919) % 1000 for i in 1:500]
    print(issorted(sort(a; alg=alg)), issorted(sort(a; alg=alg, rev=true); rev=true), " ")
end
println()
# stability: equal keys keep their order
println(sort(1:12; alg=MergeSort, by=x -> x ÷ 4, rev=true), " ", sortperm([3, 1, 3, 1, 2]; alg=QuickSort))
println(sort(1:6, by=x -> 0) == 1:6, " ", sortperm([0.0, 1.0, 1.0], rev=true), " ", sortperm(["b", "a", "c"], order=Reverse))
# PartialQuickSort sorts only what lands on the positions asked for
v = [(i * 7919) % 1000 for i in 1:1000]
b = sort(v; alg=PartialQuickSort(1:100))
println(b[1:100] == sort(v)[1:100], " ", issorted(b))
println(Base.Sort.ScratchQuickSort(1, MergeSort) === Base.Sort.ScratchQuickSort(1, 1, MergeSort), " ", Base.Sort.ScratchQuickSort() === Base.Sort.ScratchQuickSort(missing, missing, InsertionSort))
println(partialsort([3, 6, 30, 1, 9], 3), " ", partialsort([3, 6, 30, 1, 9], 3:4), " ", partialsort([3, 6, 30, 1, 9], 2, rev=true))
println(partialsortperm([3, 6, 30, 1, 9], 3:4), " ", partialsortperm([3, 6, 30, 1, 9], 2, by=x -> 1 / x), " ", partialsort(1:10, 4:-1:2))
println(partialsortperm!(Vector(1:5), [3, 6, 30, 1, 9], 3:4), " ", partialsort(collect(1:10), UInt(3)), " ", partialsort(collect(1:10), 4:3))
try
    partialsortperm!([1, 2], [2, 3, 1], 1:2)
catch e
    println(typeof(e))
end
x = [5.0, 1.0, 3.0]
ix = [0, 0, 0]
println(sortperm!(ix, x), " ", ix, " ", sortperm!(Int32[1, 2], [2.0, 1.0]), " ", sort!([3, 1, 2], 1, 2, InsertionSort, Forward))
# orderings of floats: -0.0 before 0.0, NaN after everything; missing last
println(sort([3.0, NaN, 0.0, -0.0, -1.0]), " ", sort([0.0, -0.0], rev=true), " ", isless(-0.0, 0.0), " ", isless(NaN, Inf))
println(sort([3, missing, 1]), " ", sort([3, missing, 1], rev=true))
println(issorted([1, 2, 2]), " ", issorted([3, 2, 1], Reverse), " ", issorted((x for x in [1, 3, 2])), " ", sort(Dict(2 => 'a', 1 => 'b') |> keys))
# binary search, with an ordering or keywords
println(searchsortedfirst([1, 2, 4], 3, Forward), " ", searchsortedlast([4, 2, 1], 2, Reverse), " ", searchsorted([1:5; 1:5; 1:5], 1, 6, 10, Forward))
println(searchsorted([1:10;], 10, by=x -> x >= 5), " ", searchsorted([1, 1, 2, 2, 3, 3], 0), " ", insorted(3, [1, 2, 3]), " ", insorted(2.5, 1:3))
println(sort([3 1; 2 4]; dims=1), " ", sort([3 1; 2 4]; dims=2, rev=true))
println(Base.DEFAULT_STABLE, " ", 1 << 0x02, " ", -8 >> UInt8(1))
println(Base.return_types(sort, (Vector{Int},)))
struct MyAlg <: Base.Sort.Algorithm end
try
    sort([1, 2], alg=MyAlg())
catch e
    println(typeof(e))
end
Base.sort!(v::AbstractVector{Int}, lo::Integer, hi::Integer, ::MyAlg, o::Base.Order.Ordering) = (v[lo:hi] .= 7; v)
println(sort([1, 2, 3], alg=MyAlg()))
