# parse.jl
