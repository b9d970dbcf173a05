# A vector that contains itself is printed with a reference to where it is already being printed, as Julia does
# (it recursed until the stack overflowed).
x = []
push!(x, x)
println(x)
y = Any[1, 2]
z = Any[y, 3]
push!(y, z)
println(z)
println([[1, 2], [3]])
