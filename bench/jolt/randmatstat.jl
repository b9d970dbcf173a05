include("harness.jl")

# Matrices are column-major Vector{Float64}s; C = A*B for n x n, every entry a dot product in k order.
function matmul!(C::Vector{Float64}, A::Vector{Float64}, B::Vector{Float64}, n::Int)
    for j in 0:n-1
        for i in 0:n-1
            s = 0.0
            for k in 0:n-1
                s += A[1 + i + k*n] * B[1 + k + j*n]
            end
            C[1 + i + j*n] = s
        end
    end
    return C
end

# trace((X'X)^4) for an r x c matrix X, using the work arrays G, G2, G4 of length c*c.
function trace_gram4(X, r, c, G, G2, G4)
    for j in 0:c-1
        for i in 0:c-1
            s = 0.0
            for k in 0:r-1
                s += X[1 + k + i*r] * X[1 + k + j*r]
            end
            G[1 + i + j*c] = s
        end
    end
    matmul!(G2, G, G, c)
    matmul!(G4, G2, G2, c)
    t = 0.0
    for i in 0:c-1
        t += G4[1 + i + i*c]
    end
    return t
end

# Sample standard deviation over mean.
function cv(x::Vector{Float64})
    n = length(x)
    m = 0.0
    for i in 1:n
        m += x[i]
    end
    m /= n
    v = 0.0
    for i in 1:n
        v += (x[i] - m) * (x[i] - m)
    end
    return sqrt(v / (n - 1)) / m
end

# Four random 5x5 blocks a b c d; P = [a b c d] (5x20), Q = [a b; c d] (10x10).
function run(t)
    g = LCG(42)
    v = zeros(t)
    w = zeros(t)
    blk = [zeros(25), zeros(25), zeros(25), zeros(25)]
    P = zeros(100)
    Q = zeros(100)
    G = zeros(400)
    G2 = zeros(400)
    G4 = zeros(400)
    for it in 1:t
        for b in 1:4
            for k in 1:25
                blk[b][k] = nextfloat!(g) - 0.5
            end
        end
        for j in 0:19
            for i in 0:4
                P[1 + i + j*5] = blk[1 + div(j, 5)][1 + i + (j % 5)*5]
            end
        end
        for j in 0:9
            for i in 0:9
                Q[1 + i + j*10] = blk[1 + div(i, 5)*2 + div(j, 5)][1 + i % 5 + (j % 5)*5]
            end
        end
        v[it] = trace_gram4(P, 5, 20, G, G2, G4)
        w[it] = trace_gram4(Q, 10, 10, G, G2, G4)
    end
    return cv(v) + cv(w)
end

const N = benchsize(1000)
bench("randmatstat", () -> run(N))
