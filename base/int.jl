# int.jl
