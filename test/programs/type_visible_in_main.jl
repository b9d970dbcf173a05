# a type Main sees under its own name (through using or import) is shown without its module
module A
struct S end
struct Q
    x::Int
end
end
module B
import ..A: S
export S
end
using .B
import .A: Q
println(S)
println(typeof(S()))
println(Q(3))
println([S(), S()])
