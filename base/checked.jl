# checked.jl
