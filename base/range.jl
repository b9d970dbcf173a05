# range.jl
