include("harness.jl")

# In-place quicksort with the middle element as pivot; recursion on the left part, loop on the right.
function qsort!(a::Vector{Float64}, lo::Int, hi::Int)
    i, j = lo, hi
    while i < hi
        pivot = a[(lo + hi) >>> 1]
        while i <= j
            while a[i] < pivot
                i += 1
            end
            while a[j] > pivot
                j -= 1
            end
            if i <= j
                a[i], a[j] = a[j], a[i]
                i, j = i + 1, j - 1
            end
        end
        if lo < j
            qsort!(a, lo, j)
        end
        lo, j = i, hi
    end
    return a
end

# Checksum: sum of k*a[k] after sorting.
function run(n)
    g = LCG(42)
    a = zeros(n)
    for k in 1:n
        a[k] = nextfloat!(g)
    end
    qsort!(a, 1, n)
    s = 0.0
    for k in 1:n
        if k > 1 && a[k-1] > a[k]
            error("not sorted")
        end
        s += k * a[k]
    end
    return s
end

const N = benchsize(1000000)
bench("quicksort", () -> run(N))
