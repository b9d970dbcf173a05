# pair.jl
