# char.jl
