# number.jl
