# tuple.jl
