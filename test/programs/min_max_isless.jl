struct TO23094
    x::Int
end
Base.isless(a::TO23094, b::TO23094) = isless(a.x, b.x)
import Base.<
<(a::TO23094, b::TO23094) = error("< should not be called")
println(min(TO23094(1), TO23094(2)), " ", max(TO23094(2), TO23094(1)), " ", minmax(TO23094(2), TO23094(1)))
println(min(1, 2.5), " ", max(3, 2), " ", min("b", "a"), " ", minmax(3, 1), " ", min(-0.0, 0.0), " ", max(1, NaN))
