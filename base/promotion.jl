# promotion.jl
