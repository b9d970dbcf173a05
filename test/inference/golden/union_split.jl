# Union splitting: a call on a value of a small Union branches on its type and invokes each member's method;
# a member without a method keeps the dynamic call (a MethodError at run time, typed Union{})
struct Node
    left::Union{Node,Nothing}
    right::Union{Node,Nothing}
end
check(n::Node) = n.left === nothing ? 1 : 1 + check(n.left) + check(n.right)
@code_typed check(Node(nothing, nothing))

area(x::Int) = x * x
area(x::Float64) = 0.5 * x
total(v::Vector{Union{Int,Float64}}) = area(v[1]) + 1
@code_typed total(Union{Int,Float64}[1, 2.0])
