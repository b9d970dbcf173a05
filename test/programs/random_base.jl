# rand and randn belong to Base: they work without `using Random`, drawing from the default generator.
println(typeof(rand()), " ", typeof(randn()), " ", typeof(rand(Int)))
println(rand(1:6) in 1:6, " ", length(rand(3)), " ", size(randn(2, 2)), " ", rand((:a,)))
println(0.0 <= rand() < 1.0, " ", rand(['x']))
