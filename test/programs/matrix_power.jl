# integer powers of square matrices (repeated squaring), and one(A)
A = [1 2; 3 4]
println(A^0)
println(A^1)
println(A^2)
println(A^4)
p = 5
println(A^p)
B = [0.5 0.25; 0.0 1.0]
println(B^3)
println(one(B))
C = A^1
C[1, 1] = 100
println(A[1, 1])
try
    [1 2 3]^2
catch e
    println(typeof(e))
end
using LinearAlgebra: tr
P = [1.0 0.0; 1.0 1.0]
println(tr((P'P)^4))
