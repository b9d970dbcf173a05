struct T20804{T}
    y::T
end
(f::T20804)(; x=10) = f.y + x
x = T20804(4)
println(x(), " ", x(x=8))
struct Adder; n::Int; end
(a::Adder)(y; scale=1) = (a.n + y) * scale
ad = Adder(2)
println(ad(3), " ", ad(3; scale=10))
