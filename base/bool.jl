# bool.jl
