# float.jl
