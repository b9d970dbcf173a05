# array.jl
