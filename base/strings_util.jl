# strings_util.jl
