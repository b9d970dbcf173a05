# iterators.jl
