# Seeded streams of Xoshiro256++ and of the default generator, as Julia prints them.
using Random

rng = Xoshiro(1234)
x1 = rand(rng, 2)
println(x1)
rng = Xoshiro(1234)
println(rand(rng, 2) == x1)

Random.seed!(1234)
println(rand(2))

println(shuffle(Xoshiro(123), collect(1:10)))
println(shuffle!(Xoshiro(123), collect(1:10)))
println(randperm(Xoshiro(123), 4))
println(randperm!(Xoshiro(123), Vector{Int}(undef, 4)))
println(randcycle(Xoshiro(123), 6))
println(randcycle!(Xoshiro(123), Vector{Int}(undef, 6)))

println(randstring(Xoshiro(3), 'a':'z', 6))
Random.seed!(3); println(randstring())

println(randsubseq(Xoshiro(123), 1:8, 0.3))
S = Int64[]
randsubseq!(Xoshiro(123), S, 1:8, 0.3)
println(S)

# the low bits of a word drawn into an array (the bits bitrand(Xoshiro(123), 10) shows)
w = rand(Xoshiro(123), UInt64, 1)[1]
println([Int((w >> i) & 1) for i in 0:9])

println(randn(Xoshiro(1), 2))
println(rand(Xoshiro(1), 2:5))
println(shuffle(Xoshiro(1), [1, 2, 3, 4]))
println(rand(Xoshiro(42), 3))
println(Xoshiro(1))
println(Xoshiro(0xfff0241072ddab67, 0xc53bc12f4c3f0b4e, 0x56d451780b2dd4ba, 0x50a4aa153d208dd8) == Xoshiro(1))
