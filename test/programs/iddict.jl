# IdDict: keys compared with === (a self-referential one compares and shows)
mutable struct T10647{T}; x::T; end
a = IdDict()
a[1] = a
a[a] = 2
a[3] = T10647(a)
println(isequal(a, a), " ", length(a), " ", a[1] === a, " ", a[a])
show(IOBuffer(), a)
b = IdDict{Any,Any}(1=>2, 1.0=>3)
println(length(b), " ", b[1], " ", b[1.0], " ", length(Dict(1=>2, 1.0=>3)))
d = IdDict{Any,Any}(i=>i for i=1:3)
println(d == IdDict{Any,Any}(1=>1, 2=>2, 3=>3), " ", eltype(d), " ", typeof(IdDict(1=>1, :a=>2)), " ", typeof(IdDict(())))
v1 = [1]; v2 = [1]
e = IdDict(v1 => "a", v2 => "b")
println(length(e), " ", e[v1], " ", e[v2], " ", haskey(e, [1]))
println(IdDict(1 => "x"))
println(get!(IdDict{Int,Int}(), 1, 2.0) === 2, " ", empty(e) isa IdDict{Vector{Int},String}, " ", 1 in keys(a), " ", a in keys(a))
try
    get!(IdDict{Symbol,Any}(), 2, "b")
catch err
    println(typeof(err))
end
x = IdDict(8 => 19); delete!(x, 8); println(isempty(x), " ", pop!(IdDict(1 => 2), 1))
println(sort(collect(values(IdDict(1 => 2, 3 => 4)))))
