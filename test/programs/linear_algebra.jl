# LinearAlgebra: products, norms, determinants, solving, the identity I, eigenvalues of symmetric matrices;
# and Base's rotations and reversals of matrices
using LinearAlgebra

# results of floating-point factorizations, to 8 digits
r8(A) = map(x -> round(x; digits=8), A)

println(dot([1, 2, 3], [4, 5, 6]), " ", [1, 2, 3] ⋅ [4, 5, 6], " ", dot([0.5, 1.5], [2.0, 2.0]))
println(norm([3, 4]), " ", norm([3, -4], 1), " ", norm([3, -4], Inf), " ", norm([1.0, 2.0, 2.0]))
println(normalize([3.0, 4.0]))
println(cross([1, 0, 0], [0, 1, 0]), " ", cross([1, 2, 3], [4, 5, 6]))

println(det([2 1; 1 2]), " ", det([2 0; 0 3]), " ", det([1 2; 2 4]), " ", typeof(det([5 1; 2 1])))
println(round(det([1 2; 3 4]); digits=8), " ", round(det([4 3 2; 2 1 3; 3 2 1]); digits=8))
println(r8(inv([4 7; 2 6])))
println(r8([2 1; 1 3] \ [3, 5]))
try
    [1 2; 2 4] \ [1, 2]
catch e
    println(e)
end
println(tr([1 2; 3 4]), " ", diag([1 2; 3 4]), " ", diag([1 2 3; 4 5 6], 1), " ", diagm([1, 2]))

println(I * [1 2; 3 4], " ", [1 2; 3 4] + I, " ", [1 2; 3 4] - 2I)
println(Matrix(I, 2, 2), " ", Matrix{Float64}(I, 2, 3))
println(Transpose(1:3), " ", [Transpose(1:3); [4 5 6]])

println(r8(eigvals([2.0 1.0; 1.0 2.0])))
println(r8(eigvals([2 -1 0; -1 2 -1; 0 -1 2])))

A = [1 2 3; 4 5 6]
println(rot180(A), " ", rotl90(A), " ", rotr90(A), " ", rotl90(A, 2) == rot180(A))
println(reverse(A; dims=1), " ", reverse(A; dims=2), " ", reverse(A))
println(A[:, 2:3], " ", A[2, 1:2], " ", A[[2, 1], end])
println(float([1 2; 3 4]), " ", copy(A) == A, " ", similar(A, Float64) isa Matrix{Float64})
