# Set{T}(itr) takes the elements of any iterable, converted to T (it tried to convert the iterable to the Dict
# the Set is built on)
s = Set{Int}([1, 2, 2, 3])
println(length(s), " ", 2 in s, " ", 4 in s, " ", typeof(s))
t = Set{Float64}(1:3)
println(3.0 in t, " ", typeof(t), " ", length(Set{Int}()), " ", Set([1, 2]) == Set{Int}((2, 1)))
