# typejoin as Julia's: supertypes, Unions, tuples element by element, parameters kept where they agree
println(typejoin(Int64, Float64))
println(typejoin(Int64, String))
println(typejoin(Int8, Union{Int64, Float64}))
println(typejoin(Union{}, Int64))
println(typejoin(Tuple{Int64, String}, Tuple{Float64, String}))
println(typejoin(Vector{Int64}, Vector{Float64}) == Vector)
# a literal vector of tuples of functions
v = [(sin, 1), (cos, 2)]
println(typeof(v))
println(v[2][1](0.0))
println(Tuple, " ", typejoin(Dict{Int64, String}, Dict{Int64, Int64}))
