# math.jl
