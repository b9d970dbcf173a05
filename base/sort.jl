# sort.jl
