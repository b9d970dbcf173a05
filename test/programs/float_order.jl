# min, max and their reductions order floats as Julia does: NaN wins, -0.0 is below 0.0
println(maximum([1.0, NaN, 2.0]), " ", minimum([NaN, 1.0]), " ", max(1.0, NaN))
println(minimum([0.0, -0.0]), " ", maximum([-0.0, 0.0]), " ", max(0.0, -0.0), " ", min(-0.0, 0.0))
println(extrema([3.0, -0.0, 0.0]), " ", max(1, 2.5), " ", min(2.0, 1.0))
# -0.0 and 0.0 are not isequal, so they hash and key apart
println(hash(0.0) == hash(-0.0), " ", isequal(0.0, -0.0))
d = Dict(0.0 => 1)
d[-0.0] = 2
println(length(d))
# Bools sum as Ints, an empty Bool vector too
println(sum(Bool[]), " ", sum([true, true, false]))
