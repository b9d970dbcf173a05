# essentials.jl
