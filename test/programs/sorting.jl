# sorting and order statistics
v = [5, 2, 9, 1, 5, 6]
println(sort(v), " ", v)
println(sort(v, rev=true), " ", sort(v; by=x -> -x), " ", sort(v, by=x -> x % 3))
w = copy(v)
sort!(w)
println(w, " ", issorted(w), " ", issorted(v), " ", issorted([3, 2, 1], rev=true))
println(sortperm(v), " ", v[sortperm(v)], " ", sortperm([3.5, 1.5, 2.5], rev=true))
println(sort(["pear", "apple", "fig", "Banana"]), " ", sort(["pear", "apple", "fig"], by=length))
println(sort([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
println(sort([3.5, -1.0, 2.25, 0.0]), " ", sort(['c', 'a', 'B']), " ", sort(Int[]))
println(sort([1, 2, 3, 4, 5, 6], by=iseven), " ", sort(["bb", "a", "ccc", "dd"], by=length, rev=true))
println(sort([-3, 2, -1, 4], by=abs), " ", sort([-3, 2, -1, 4], lt=(a, b) -> abs(a) > abs(b)))
println(minimum(v), " ", maximum(v), " ", extrema(v), " ", argmin(v), " ", argmax(v))
println(findmin(v), " ", findmax(v), " ", minimum(["b", "a", "c"]), " ", maximum(length, ["ab", "abcd", "a"]))
println(minimum(abs, [-7, 3, -2]), " ", extrema([2.5, -1.5]), " ", argmax([1, 9, 9, 2]))
println(reverse(v), " ", reverse!(copy(v)), " ", sort(collect("julia")))
u = [4, 3, 2, 1]
sort!(u, rev=true)
println(u, " ", searchsortedfirst([1, 3, 5, 7], 4), " ", searchsortedlast([1, 3, 5, 7], 4), " ", searchsorted([1, 2, 2, 3], 2))
struct Card
    rank::Int
    suit::Char
end
cards = [Card(10, 'h'), Card(2, 's'), Card(7, 'd'), Card(2, 'c')]
sorted = sort(cards, by=c -> (c.rank, c.suit))
println([string(c.rank, c.suit) for c in sorted])
Base.isless(a::Card, b::Card) = a.rank < b.rank
println([c.suit for c in sort(cards)], " ", maximum(cards).rank, " ", minimum(cards).suit)
m = Dict("x" => 3, "y" => 1, "z" => 2)
println(sort(collect(m), by=last), " ", first.(sort(collect(m), by=p -> p[2], rev=true)))
println(sort(collect(1:5), rev=true), " ", sort([true, false, true]), " ", sort(unique([3, 1, 3, 2])))
println(reverse!([1, 2, 3, 4, 5]), " ", reverse!([1, 2, 3, 4, 5], 2), " ", reverse!([1, 2, 3, 4, 5], 2, 4))
