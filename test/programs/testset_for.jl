using Test
# @testset for: one test set per iteration; approximate comparisons; @test_throws; nested sets
cube(x) = x^3
@testset "cube $i" for i in 1:3
    @test cube(i) == i * i * i
    @test cube(-i) == -cube(i)
end
@testset verbose = true "numbers" begin
    @testset "approx" begin
        @test 0.1 + 0.2 ≈ 0.3
        @test 1.0 ≈ 1.001 atol=0.01
        @test 100.0 ≈ 101.0 rtol=0.02
        @test isapprox(2.0, 2.0000001; rtol=1e-6)
        @test !isapprox(1.0, 1.1)
    end
    @testset "errors" begin
        @test_throws DomainError sqrt(-1.0)
        @test_throws BoundsError [1, 2][3]
        @test_throws DivideError div(1, 0)
        @test_throws ArgumentError throw(ArgumentError("x"))
    end
    @testset "parity $n" for n in (2, 4)
        @test iseven(n)
        @test n % 2 == 0
    end
end
