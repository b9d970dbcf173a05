using Test
double(x) = 2x + 1   # wrong on purpose
@testset "doubling" begin
    @test double(2) == 4
    @test double(0) == 1
end
