# regex.jl
