using Test
println(foldl(+, Int64[]) === Int64(0), " ", foldl(+, Int16[]) === Int16(0), " ", foldr(+, Int16[]) === Int16(0))
println(reduce(*, Float64[]), " ", mapreduce(abs2, +, Float64[]) === 0.0, " ", mapreduce(abs2, max, Float64[]) === 0.0)
println(mapreduce(abs2, *, Float64[]) === 1.0, " ", reduce(&, Bool[]), " ", reduce(|, Bool[]))
for f in (() -> reduce(*, ()), () -> mapreduce(abs2, &, Float64[]), () -> sum(sin, Int[]))
    try
        f()
    catch e
        println(e)
    end
end
@eval Main xev = 1 + 2
println(xev)
@testset "empty reductions" begin
    @test_throws "reducing over an empty collection is not allowed" reduce(*, ())
    @test_throws "empty collection" sum(sin, Int[])
    @test_throws ArgumentError maximum(Int[])
end
