# reduce.jl
