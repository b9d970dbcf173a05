# show.jl
