using Test
using Drawing
using Vectors

@testset "Drawing" begin
    @test describe(Vec(3, -4)) == "7 m in red"
    @test Drawing.Colors.VERSION_TAG == "0.1"
end
