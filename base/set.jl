# set.jl
