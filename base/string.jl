# string.jl
