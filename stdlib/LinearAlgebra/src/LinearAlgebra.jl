# The LinearAlgebra standard library, written in Jolt: the common operations on dense vectors and matrices
# (products and sums of matrices are in Base's matrix.jl). Factorizations are done as LAPACK does them for
# small matrices (LU with partial pivoting, multipliers scaled by the pivot's reciprocal), so that results
# round as Julia's do.
module LinearAlgebra

export dot, ⋅, norm, normalize, cross, ×, det, inv, tr, I, UniformScaling, Transpose, diag, diagm, eigvals,
    transpose, adjoint, lu, issymmetric, istriu, istril, checksquare

import Base: *, +, -, \, inv, Matrix

function checksquare(A::AbstractMatrix)
    m, n = size(A)
    m == n || throw(DimensionMismatch("matrix is not square: dimensions are $(size(A))"))
    m
end

"""
    dot(x, y)
    x ⋅ y

The dot product of two vectors of the same length: the sum of `x[i] * y[i]` (conjugating `x`'s elements).
"""
function dot(x::AbstractVector, y::AbstractVector)
    length(x) == length(y) || throw(DimensionMismatch("first array has length $(length(x)) which does not match the length of the second, $(length(y))."))
    isempty(x) && return zero(eltype(x)) * zero(eltype(y))
    s = adjoint(x[1]) * y[1]
    for i in 2:length(x)
        s += adjoint(x[i]) * y[i]
    end
    s
end
dot(x::Number, y::Number) = adjoint(x) * y
const ⋅ = dot

"""
    cross(x, y)
    x × y

The cross product of two 3-vectors.
"""
function cross(a::AbstractVector, b::AbstractVector)
    (length(a) == 3 && length(b) == 3) || throw(DimensionMismatch("cross product is only defined for vectors of length 3"))
    a1, a2, a3 = a[1], a[2], a[3]
    b1, b2, b3 = b[1], b[2], b[3]
    [a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1]
end
const × = cross

"""
    norm(A, p=2)

The `p`-norm of the elements of `A` taken as one vector (p = 2 by default; 1, Inf and -Inf are sums and extremes
of absolute values, any other `p` the `p`-th root of the sum of `abs(x)^p`).
"""
function norm(x, p::Real=2)
    isempty(x) && return float(zero(eltype(x)))
    if p == 2
        s = 0.0
        for v in x
            s += abs2(float(v))
        end
        return sqrt(s)
    elseif p == 1
        s = 0.0
        for v in x
            s += float(abs(v))
        end
        return s
    elseif p == Inf
        return float(maximum(abs, x))
    elseif p == -Inf
        return float(minimum(abs, x))
    elseif p == 0
        return float(count(v -> !iszero(v), x))
    end
    s = 0.0
    for v in x
        s += float(abs(v))^p
    end
    s^inv(p)
end
norm(x::Number, p::Real=2) = float(abs(x))

"""
    normalize(v, p=2)

`v` divided by its `p`-norm.
"""
normalize(v::AbstractVector, p::Real=2) = v ./ norm(v, p)

"""
    tr(A)

The trace of a square matrix: the sum of its diagonal.
"""
function tr(A::AbstractMatrix)
    n = checksquare(A)
    s = zero(eltype(A))
    for i in 1:n
        s += A[i, i]
    end
    s
end

"""
    diag(A, k=0)

The `k`-th diagonal of a matrix, as a vector.
"""
function diag(A::AbstractMatrix, k::Integer=0)
    m, n = size(A)
    i0, j0 = k >= 0 ? (1, 1 + k) : (1 - k, 1)
    [A[i0+t, j0+t] for t in 0:(min(m - i0, n - j0))]
end

"""
    diagm(v)
    diagm(k => v, ...)

A square matrix with `v` on its diagonal (or on its `k`-th diagonal) and zeros elsewhere.
"""
diagm(v::AbstractVector) = diagm(0 => v)
function diagm(kv::Pair{<:Integer,<:AbstractVector}...)
    n = maximum(p -> length(p.second) + abs(p.first), kv)
    T = promote_type(map(p -> eltype(p.second), kv)...)
    A = zeros(T, n, n)
    for p in kv
        k = p.first
        for (t, x) in enumerate(p.second)
            A[k >= 0 ? t : t - k, k >= 0 ? t + k : t] += x
        end
    end
    A
end

istriu(A::AbstractMatrix) = all(A[i, j] == 0 for j in 1:size(A, 2) for i in j+1:size(A, 1))
istril(A::AbstractMatrix) = all(A[i, j] == 0 for j in 1:size(A, 2) for i in 1:min(j - 1, size(A, 1)))
issymmetric(A::AbstractMatrix) = size(A, 1) == size(A, 2) && all(A[i, j] == A[j, i] for j in 1:size(A, 2) for i in j+1:size(A, 1))

# `Transpose(v)`: here a plain matrix (the 1×n row of a vector), as `transpose` gives
Transpose(x::Union{AbstractVector,AbstractRange}) = transpose(collect(x))
Transpose(A::AbstractMatrix) = transpose(A)

## LU factorization with partial pivoting

"""
    LU

The factors of `P*A = L*U`: `factors` holds U on and above the diagonal and L's multipliers below it,
`ipiv[k]` the row swapped with row k at step k, `info` the first zero pivot (0: none).
"""
struct LU{T}
    factors::Matrix{T}
    ipiv::Vector{Int}
    info::Int
end

issuccess(F::LU) = F.info == 0

function lu(A::AbstractMatrix; check::Bool=true)
    n = checksquare(A)
    T = typeof(float(zero(eltype(A))))
    a = Matrix{T}(A)
    ipiv = zeros(Int, n)
    info = 0
    for k in 1:n
        p = k
        amax = abs(a[k, k])
        for i in k+1:n
            if abs(a[i, k]) > amax
                amax = abs(a[i, k])
                p = i
            end
        end
        ipiv[k] = p
        if a[p, k] == 0
            info == 0 && (info = k)
            continue
        end
        if p != k
            for j in 1:n
                a[k, j], a[p, j] = a[p, j], a[k, j]
            end
        end
        r = 1 / a[k, k]
        for i in k+1:n
            a[i, k] *= r
        end
        for j in k+1:n
            u = a[k, j]
            for i in k+1:n
                a[i, j] -= a[i, k] * u
            end
        end
    end
    check && info > 0 && throw(SingularException(info))
    LU{T}(a, ipiv, info)
end

"""
    SingularException(info)

The matrix given was singular: the `info`-th pivot of its factorization is zero.
"""
struct SingularException <: Exception
    info::Int
end
Base.showerror(io::IO, e::SingularException) = print(io, "SingularException(", e.info, ")")

"""
    det(A)

The determinant of a square matrix (of a triangular one the product of its diagonal, else from its LU
factorization); a floating-point number for integer matrices.
"""
function det(A::AbstractMatrix)
    n = checksquare(A)
    T = typeof(float(zero(eltype(A))))
    if istriu(A) || istril(A)
        P = one(eltype(A))
        for i in 1:n
            P *= A[i, i]
        end
        return convert(T, P)
    end
    det(lu(A; check=false))
end
function det(F::LU{T}) where T
    issuccess(F) || return zero(T)
    P = one(T)
    c = 0
    for i in 1:size(F.factors, 1)
        P *= F.factors[i, i]
        F.ipiv[i] != i && (c += 1)
    end
    isodd(c) ? -P : P
end
det(x::Number) = x

# solve L*U*x = P*b in place for each column of B
function _lu_solve!(F::LU, B::AbstractMatrix)
    a = F.factors
    n = size(a, 1)
    for j in 1:size(B, 2)
        for k in 1:n
            p = F.ipiv[k]
            p != k && ((B[k, j], B[p, j]) = (B[p, j], B[k, j]))
        end
        for k in 1:n
            x = B[k, j]
            for i in k+1:n
                B[i, j] -= x * a[i, k]
            end
        end
        for k in n:-1:1
            B[k, j] /= a[k, k]
            x = B[k, j]
            for i in 1:k-1
                B[i, j] -= x * a[i, k]
            end
        end
    end
    B
end

function (\)(F::LU{T}, B::AbstractMatrix) where T
    issuccess(F) || throw(SingularException(F.info))
    _lu_solve!(F, Matrix{promote_type(T, typeof(float(zero(eltype(B)))))}(B))
end
(\)(F::LU, b::AbstractVector) = vec(F \ reshape(collect(b), length(b), 1))

"""
    A \\ b

The solution `x` of `A*x = b` for a square matrix `A` (by its LU factorization).
"""
function (\)(A::AbstractMatrix, B::AbstractVecOrMat)
    size(A, 1) == size(B, 1) || throw(DimensionMismatch("arguments must have the same number of rows"))
    lu(A) \ B
end

"""
    inv(A)

The inverse of a square matrix.
"""
function inv(A::AbstractMatrix)
    n = checksquare(A)
    T = typeof(float(zero(eltype(A))))
    E = zeros(T, n, n)
    for i in 1:n
        E[i, i] = one(T)
    end
    lu(A) \ E
end

## the identity: I

"""
    UniformScaling(λ)

`λ` times the identity matrix of whatever size the other operand has; `I` is `UniformScaling(true)`.
"""
struct UniformScaling{T<:Number}
    λ::T
end
const I = UniformScaling(true)

Base.show(io::IO, J::UniformScaling) = (print(io, "UniformScaling{"); show(io, typeof(J.λ)); print(io, "}("); show(io, J.λ); print(io, ")"))
(*)(J::UniformScaling, x::Number) = UniformScaling(J.λ * x)
(*)(x::Number, J::UniformScaling) = UniformScaling(x * J.λ)
(*)(J::UniformScaling, K::UniformScaling) = UniformScaling(J.λ * K.λ)
(*)(J::UniformScaling, A::AbstractVecOrMat) = J.λ * A
(*)(A::AbstractVecOrMat, J::UniformScaling) = A * J.λ
(+)(J::UniformScaling, K::UniformScaling) = UniformScaling(J.λ + K.λ)
(-)(J::UniformScaling) = UniformScaling(-J.λ)
(-)(J::UniformScaling, K::UniformScaling) = UniformScaling(J.λ - K.λ)
function _addI(A::AbstractMatrix, λ, s::Number)
    n = checksquare(A)
    B = Matrix{promote_type(eltype(A), typeof(λ))}(A)
    for i in 1:n
        B[i, i] += λ
    end
    s == 1 ? B : -B
end
(+)(A::AbstractMatrix, J::UniformScaling) = _addI(A, J.λ, 1)
(+)(J::UniformScaling, A::AbstractMatrix) = _addI(A, J.λ, 1)
(-)(A::AbstractMatrix, J::UniformScaling) = _addI(A, -J.λ, 1)
(-)(J::UniformScaling, A::AbstractMatrix) = _addI(A, -J.λ, -1)
function (::Type{Array{T,2}})(J::UniformScaling, m::Integer, n::Integer) where T
    A = zeros(T, m, n)
    for i in 1:min(m, n)
        A[i, i] = J.λ
    end
    A
end
Matrix(J::UniformScaling, m::Integer, n::Integer) = Matrix{typeof(J.λ)}(J, m, n)

## eigenvalues

"""
    eigvals(A)

The eigenvalues of a real symmetric matrix, in ascending order (by cyclic Jacobi rotations).
"""
function eigvals(A::AbstractMatrix)
    n = checksquare(A)
    issymmetric(A) || throw(ArgumentError("eigvals: only real symmetric matrices are supported"))
    a = Matrix{Float64}(A)
    for sweep in 1:100
        off = 0.0
        for j in 1:n, i in 1:j-1
            off += a[i, j]^2
        end
        off == 0.0 && break
        for p in 1:n-1, q in p+1:n
            apq = a[p, q]
            apq == 0.0 && continue
            # the rotation that zeroes a[p, q]
            θ = (a[q, q] - a[p, p]) / (2apq)
            t = (θ >= 0 ? 1.0 : -1.0) / (abs(θ) + sqrt(θ^2 + 1))
            c = 1 / sqrt(t^2 + 1)
            s = t * c
            for k in 1:n
                akp, akq = a[k, p], a[k, q]
                a[k, p] = c * akp - s * akq
                a[k, q] = s * akp + c * akq
            end
            for k in 1:n
                apk, aqk = a[p, k], a[q, k]
                a[p, k] = c * apk - s * aqk
                a[q, k] = s * apk + c * aqk
            end
        end
    end
    sort!([a[i, i] for i in 1:n])
end
eigvals(x::Real) = [float(x)]

end
