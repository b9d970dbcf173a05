# meta.jl
