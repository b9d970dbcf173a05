include("harness.jl")

# 200x200 random matrices (column-major Vector{Float64}), C = A*B with plain loops; checksum: sum of C's entries.
function run(n)
    g = LCG(42)
    A = zeros(n*n)
    B = zeros(n*n)
    C = zeros(n*n)
    for k in 1:n*n
        A[k] = nextfloat!(g)
    end
    for k in 1:n*n
        B[k] = nextfloat!(g)
    end
    for j in 0:n-1
        for i in 0:n-1
            s = 0.0
            for k in 0:n-1
                s += A[1 + i + k*n] * B[1 + k + j*n]
            end
            C[1 + i + j*n] = s
        end
    end
    sum = 0.0
    for k in 1:n*n
        sum += C[k]
    end
    return sum
end

const N = benchsize(200)
bench("matmul", () -> run(N))
