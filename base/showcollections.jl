# showcollections.jl
