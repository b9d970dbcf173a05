using Test
square(x) = x * x
@testset verbose = true "arithmetic" begin
    @testset "squares" begin
        @test square(3) == 9
        @test square(-2) == 4
    end
    @testset "floats" begin
        @test 0.1 + 0.2 ≈ 0.3
        @test isapprox(1.0, 1.05; atol=0.1)
    end
    @test_throws DomainError sqrt(-1.0)
end
