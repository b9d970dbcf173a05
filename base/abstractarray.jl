# abstractarray.jl
