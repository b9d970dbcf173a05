# dict.jl
