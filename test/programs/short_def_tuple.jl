# a short function definition whose right side is a bare tuple returns the tuple
numden(x) = x, -x
println(numden(3))
function m()
    q(y) = y, 2y
    q(4)
end
println(m())
