# (matrix support lives in matrix.jl, after the array basics)
