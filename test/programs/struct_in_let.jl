# a struct defined in a toplevel let (as in a @testset) is a global whose constructors, and methods defined after
# it there, are callable in the rest of that statement
let
    struct LetInt <: Integer
        x::Int
    end
    LetInt(x::LetInt) = x
    Base.:+(a::LetInt, b::LetInt) = LetInt(a.x + b.x)
    println((LetInt(2) + LetInt(LetInt(3))).x)
    global twice(x) = 2x
    println(twice(21))
end
println(LetInt(1).x, " ", isdefined(Main, :LetInt))
using Test
@testset "in a testset" begin
    struct TSPoint
        x::Int
    end
    TSPoint(p::TSPoint) = p
    @test TSPoint(TSPoint(4)).x == 4
end
