include("harness.jl")

# Iterations until |z| > 2 for z -> z^2 + c, at most 80.
function mandel(c::Complex{Float64})
    z = c
    for n in 1:80
        if abs(z) > 2.0
            return n - 1
        end
        z = z^2 + c
    end
    return 80
end

# The 26x21 grid re = -2.0:0.1:0.5, im = -1.0:0.1:1.0 (one grid sums to 14791), repeated; the grid points are
# computed as k/10 so every language gets the same Float64 values.
function run(reps)
    sum = 0
    for k in 1:reps
        for re in -20:5
            for im in -10:10
                sum += mandel(complex(re / 10, im / 10))
            end
        end
    end
    return sum
end

const N = benchsize(100)
bench("mandel", () -> run(N))
