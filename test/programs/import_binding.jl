import Base.isless
isless(a::Symbol, b::Symbol) = isless(string(a), string(b))
println(isless(:a, :b))
struct MyInt <: Integer
    val::UInt
end
import Base.==
==(a::MyInt, b::MyInt) = a.val == b.val
println(MyInt(1) == MyInt(1), " ", 1 == 1)
mutable struct I1438T
    id
end
s = Set()
xs = [I1438T(i) for i in 1:5]
for x in xs
    push!(s, x)
end
delete!(s, xs[2])
println(length(s), " ", xs[3] in s, " ", xs[2] in s)
