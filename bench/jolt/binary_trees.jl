include("harness.jl")

# Allocation-heavy: build complete binary trees and count their nodes (the garbage collector frees them).
struct Node
    left::Union{Node,Nothing}
    right::Union{Node,Nothing}
end

make(d) = d == 0 ? Node(nothing, nothing) : Node(make(d - 1), make(d - 1))

check(n::Node) = n.left === nothing ? 1 : 1 + check(n.left) + check(n.right)

# Stretch tree of depth max+1, a long-lived tree of depth max, and 2^(max-d+4) trees of each depth d = 4, 6, ..., max.
# Checksum: the sum of all node counts.
function run(maxd)
    mind = 4
    total = check(make(maxd + 1))
    longlived = make(maxd)
    for d in mind:2:maxd
        iters = 1 << (maxd - d + mind)
        for i in 1:iters
            total += check(make(d))
        end
    end
    return total + check(longlived)
end

const N = benchsize(14)
bench("binary_trees", () -> run(N))
