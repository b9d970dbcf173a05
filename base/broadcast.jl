# broadcast.jl
