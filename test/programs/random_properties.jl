# Properties of the random functions that hold for every stream: ranges, permutations, types and sizes.
using Random

rng = Xoshiro(2024)
println(all(x -> 1 <= x <= 6, rand(rng, 1:6, 1000)))
println(all(x -> -3 <= x <= 3, [rand(rng, Int8(-3):Int8(3)) for _ in 1:200]))
println(all(x -> 0x10 <= x <= 0x20, rand(rng, 0x10:0x20, 300)))
println(all(x -> typemax(Int64) - 2 <= x, [rand(rng, typemax(Int64)-2:typemax(Int64)) for _ in 1:50]))
println(all(x -> x in (10, 20, 30), [rand(rng, (10, 20, 30)) for _ in 1:100]))
println(all(x -> x in (1, 2, 3, 4, 5), [rand(rng, (1, 2, 3, 4, 5)) for _ in 1:100]))
println(all(x -> x in "héllo", [rand(rng, "héllo") for _ in 1:100]))
println(all(x -> 0.0 <= x < 1.0, rand(rng, 1000)))
println(all(x -> 0.0f0 <= x < 1.0f0, rand(rng, Float32, 1000)))
println(all(x -> x >= 0, randexp(rng, 500)))
println(typeof(rand(rng, Int8)), " ", typeof(rand(rng, UInt32)), " ", typeof(rand(rng, Bool)), " ", typeof(rand(rng, UInt128)))
println(typeof(rand(rng, Float32)), " ", typeof(randn(rng, Float32)), " ", typeof(rand(rng, 1:3, 2, 2)), " ", size(rand(rng, 2, 3, 4)))
println(typeof(rand(rng, Char)), " ", rand(rng, ComplexF64) isa ComplexF64, " ", eltype(rand(rng, Bool, 700)))

v = collect(1:50)
s = shuffle(rng, v)
println(sort(s) == v, " ", v == collect(1:50))
println(sort(randperm(rng, 30)) == 1:30, " ", eltype(randperm(rng, UInt16(5))))
function onecycle(p)
    n, i, k = length(p), 1, 0
    while true
        i = p[i]
        k += 1
        i == 1 && return k == n
    end
end
println(onecycle(randcycle(rng, 25)), " ", isempty(randcycle(rng, 0)))
b = shuffle(rng, [true, false, false, true, false])
println(count(b), " ", length(b))
println(length(randstring(rng)), " ", length(randstring(rng, 20)), " ", all(c -> c in "ACGT", randstring(rng, "ACGT", 30)))
sub = randsubseq(rng, 1:100, 0.1)
println(issorted(sub), " ", all(x -> 1 <= x <= 100, sub))

# the same seed gives the same stream, for scalars and for arrays filled in bulk
println(rand(Xoshiro(9), 100) == rand(Xoshiro(9), 100), " ", rand(Xoshiro(9), Int, 20) == rand(Xoshiro(9), Int, 20))
println(rand(Xoshiro(9), Bool, 1000) == rand(Xoshiro(9), Bool, 1000), " ", randn(Xoshiro(9), 50) == randn(Xoshiro(9), 50))
a = Xoshiro(77)
c = copy(a)
rand(a)
println(a == c, " ", rand(c) == rand(copy(Xoshiro(77))))
Random.seed!(11); r1 = rand(Int)
Random.seed!(11); println(r1 == rand(Int), " ", Random.seed!(11) === Random.default_rng())
println(Xoshiro(-1) == Xoshiro(-1), " ", Xoshiro(-1) == Xoshiro(1), " ", Xoshiro("seed") == Xoshiro("seed"))

# bad input gives Julia's errors
for f in (() -> rand(1:0), () -> rand(Int[]), () -> rand(""), () -> rand(Xoshiro(1), 5:4))
    try
        f()
    catch e
        println(typeof(e), ": ", e.msg)
    end
end
try
    randn(Int)
catch e
    println(typeof(e))
end
try
    randperm(-1)
catch e
    println(typeof(e))
end
println(all(x -> Int128(1) <= x <= Int128(10), [rand(rng, Int128(1):Int128(10)) for _ in 1:50]), " ", typeof(rand(rng, UInt128(0):UInt128(5))))
