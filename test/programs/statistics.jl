# Statistics: means, medians, variances, quantiles (Julia's default interpolation) and correlation
using Statistics

println(mean([1, 2, 3, 4]), " ", mean(x -> x^2, [1, 2, 3]), " ", mean(1:10), " ", mean([1.5, 2.5]), " ", mean(Float64[]))
println(median([3, 1, 2]), " ", median([4, 1, 3, 2]), " ", median([1.0, 3.0]), " ", median([1.0, NaN, 2.0]))
println(var([1, 2, 3, 4]), " ", var([1, 2, 3, 4]; corrected=false), " ", var([1.0, 3.0]; mean=1.0))
println(std([2, 4, 4, 4, 5, 5, 7, 9]), " ", std([1.0, 2.0, 3.0, 4.0]))
println(quantile([1, 2, 3, 4], 0.5), " ", quantile([5, 1, 4, 2, 3], 0.25), " ", quantile([10, 20, 30], [0.0, 0.1, 1.0]))
println(quantile([1.0, 2.0, 3.0, 4.0, 5.0], 0.9), " ", quantile(1:9, 0.5))
println(cor([1, 2, 3], [2, 4, 6]), " ", cor([1, 2, 3], [3, 2, 1]), " ", cor([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 4.0]))
println(cov([1, 2, 3], [1, 2, 4]), " ", middle(1, 4), " ", middle(3), " ", middle([1, 5, 2]))
try
    median(Int[])
catch e
    println(typeof(e))
end
