# io.jl
