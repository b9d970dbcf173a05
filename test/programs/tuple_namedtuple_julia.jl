# Tuples and named tuples as Julia's Base has them: typed construction and conversion, the checks of
# NamedTuple{names,T}, fieldtype/fieldcount, eltype, front/tail/setindex/delete, merge that keeps declared types,
# find*, comparison with missing, Meta.lower's syntax errors.
t(f) = try
    f()
catch e
    e isa ErrorException ? "ErrorException: $(e.msg)" : typeof(e)
end

# construction converts to the declared field types; NamedTuple{names} takes the values' types
nt = NamedTuple{(:a, :b),Tuple{Int8,Int16}}((1, 2))
println(typeof(nt), " ", nt === (a = Int8(1), b = Int16(2)))
println(NamedTuple{(:a, :b)}((1, 2.0)))
println(NamedTuple{(:a, :c)}((b = 1, z = 2, c = 3, aa = 4, a = 5)))
println(NamedTuple{(:x, :y, :z),Tuple{Int8,Int16,Int32}}((z = 1, x = 2, y = 3)) === (x = Int8(2), y = Int16(3), z = Int32(1)))
println(NamedTuple{(:a, :b),Tuple{Int,Float64}}(Any[1.0, 2]) === (a = 1, b = 2.0))
println(t(() -> NamedTuple{(:a, :b, :c),NTuple{3,Int}}((1, 2))))
println(t(() -> NamedTuple{(:a, :a)}((1, 2))))
println(t(() -> NamedTuple{1,Tuple{}}))
println(t(() -> NamedTuple{(:a, :b),Tuple{Int}}))
println(t(() -> NamedTuple{(), Union{}}))
println(t(() -> Tuple{Int,Vararg{Union{},1}}))
T = NamedTuple{(:a, :b),Tuple{Int64,Union{Float64,Nothing}}}
x = T((1, nothing))
println(typeof(x) == T, " ", repr(x))
println(repr(convert(T, (a = 1, b = 2.0))))

# fieldcount, fieldtype
println(fieldcount(NamedTuple{(:a, :b, :c)}), " ", fieldcount(NamedTuple{<:Any,Tuple{Int,Int}}), " ", fieldcount(Tuple{Int,Int}))
println(t(() -> fieldcount(NamedTuple)), " ", t(() -> fieldcount(Tuple{Int,Vararg{Int}})))
println(fieldtype(NamedTuple{(:a, :b),Union{}}, :b), " ", fieldtype(Tuple{Int,Vararg{Float64}}, 3))
println(t(() -> fieldtype(NamedTuple{(:a, :b),Tuple{Int,Int}}, :c)), " ", t(() -> fieldtype(Tuple{Int}, 2)))

# tuple conversion
println(convert(Tuple, ()), " ", convert(Tuple{Vararg{Int}}, (1.0, 2, 0x3)), " ", convert(Tuple{Vararg{T}} where {T<:Integer}, (1.0, 2, 0x3)))
println(t(() -> convert(Tuple{Int}, (1, 2))), " ", t(() -> convert(NTuple{3,Int}, ())))
println(Tuple{Char,Char}("za"), " ", NTuple{3,Int}(Iterators.countfrom(2)), " ", t(() -> Tuple{Char,Char}("z")))
println(Tuple{Vararg{Float32}}(Float64[1, 2]))

# eltype
println(eltype((1, 2, 3)), " ", eltype(()), " ", eltype((1, 2.0, false)), " ", eltype(Tuple{Int,Missing}))
println(eltype(Tuple{Int,T,Vararg{Bool}} where {T<:AbstractFloat}), " ", eltype((a = [1, 2], b = [3, 4])))
println(Union{Int,Real}, " ", Base.promote_typejoin(Int, Nothing))

# indexing and the rest
nt3 = (x = 4, y = 5, z = 6)
println(nt3[[:x, :y]], " ", nt3[:], " ", t(() -> nt3[(:x, :x)]), " ", t(() -> nt3[[:a]]))
println(firstindex(nt3), lastindex(nt3), " ", empty(nt3), " ", nextind(nt3, 1))
println(Base.front((1, 2, 3)), Base.tail((a = 1, b = 2.0)), Base.front((a = 1, b = 2)), " ", t(() -> Base.front(())), " ", t(() -> Base.tail(())))
println(Base.setindex((1, 2, 3), 9, 2), Base.setindex((a = 33,), "v", :a), Base.delete((a = 1, b = 2), :a))
println(reverse((a = 1, b = :c)), reverse((1, 2, 3)), " ", Base.fill_to_length((1, 2), 0, Val(4)))
println((5, 6, 7, 8)[[1, 3]], (5, 6, 7, 8)[[true, false, false, true]], " ", get(() -> 0, (1,), 3), " ", isassigned((1, 2), 3))
println(circshift((1, 2, 3, 4, 5), 2), " ", Base.tuple_type_tail(Tuple{Int,String,Float64}))
println(findall(isequal(1), (a = 1, b = 1)), " ", findfirst(isequal(1), (a = 1, b = 2)), " ", findlast(isequal(1), (a = 1, b = 1)), " ", findlast(isequal(1), (1, 1, 2)))
println(get(() -> 0, (a = 1,), :b), " ", haskey((a = 1,), :a), " ", keytype((a = 1,)), " ", valtype((a = [1],)))

# merge keeps the declared types of the fields it takes
m = merge(NamedTuple{(:a, :b),Tuple{Int32,Union{Int32,Nothing}}}((1, Int32(2))), NamedTuple{(:a, :c),Tuple{Union{Int8,Nothing},Float64}}((nothing, 1.0)))
println(repr(m))
println(merge((c = 0, z = 1), [:a => 1, :b => 2, :c => 3, :a => 4]), " ", merge((a = 1, b = 2), (b = 3, c = 4), (c = 5,)), " ", merge((a = 1,)))
println(map(+, (x = 1, y = 2), (x = 10, y = 20)), " ", t(() -> map(+, (x = 1, y = 2), (y = 10, x = 20))), " ", filter(isodd, (a = 1, b = 2, c = 3)))
println(typeof(Base.structdiff(NamedTuple{(:a, :b),Tuple{Int32,Union{Int32,Nothing}}}((1, Int32(2))), (a = 0,))))

# comparison: names count; missing propagates
println((a = 1, b = 2) == (a = 1, b = 2), (a = 1, b = 2) == (b = 1, a = 2), " ", (a = missing,) < (a = 1,), " ", (1, missing) == (1, 2), " ", (1, missing) == (2, 2))
println(hash((a = 1,)) == hash((a = 1,)), " ", hash((a = 1,)) == hash((b = 1,)))
println(:(f(a, "s")) == :(f(a, "s")), " ", :(f(a)) == :(f(b)))

# (x..., a = v) is a named tuple; its syntax errors, as Meta.lower gives them
d = [:a => 1, :b => 2, :c => 3]
println((d..., a = 10), " ", (a = 0, (b = 2, a = 1)..., c = 3), " ", NamedTuple(d))
println(Meta.lower(Main, Meta.parse("(a=1, 0)")))
println(Meta.lower(Main, Meta.parse("(a=1,b=0,a=2)")))
println(Meta.lower(Main, Meta.parse("(;1=0)")))
println(Meta.lower(Main, Meta.parse("(1,;2)")))
println(Meta.lower(Main, :x))

# collect widens named tuples of one set of names to NamedTuple{names}
y = map(v -> (a = v.a, b = v.b), [(a = 1, b = nothing), (a = 1, b = 2)])
println(typeof(y), " ", y isa Vector{NamedTuple{(:a, :b),T} where {T<:Tuple}})
println(Nothing(), " ", Missing())

# `where` binds tighter than a comparison
println(eltype(Tuple{Vector{T} where {T<:Integer}}) === Vector{T} where {T<:Integer}, " ", Meta.parse("a == B{T} where T").args[1])
# a tuple of types is an instance of a tuple type of Type{...} elements
println((Float64,) isa Tuple{Type{Float64}}, " ", (Int,) isa Tuple{Type{Float64}}, " ", NamedTuple{(:T,),Tuple{Type{Float64}}}((Float64,)))
# abstract number types as constructors; integer rounding to a type; conversion from a real complex
println(convert(Integer, 2.0), " ", convert(Unsigned, 1), " ", AbstractFloat(2), " ", round(UInt, 3.1), " ", Int64(2.0 + 0im))
# arrays: == is missing with a missing element, isequal is not
println([1, missing] == [1, missing], " ", [1, missing] == [2, missing], " ", isequal([(1, missing)], [(1, missing)]))
println(falses(2), " ", findnext(isequal(1), (1, 1), 2), " ", findprev(isequal(1), (2, 3), 2), " ", propertynames((:a, :b)))
println(Base.return_types(Base.fill_to_length, (Tuple{Int,Int,Int}, Int, Val{5})), " ", Base.return_types(convert, (Type{Tuple{Int,Float64}}, Tuple{Float64,Int})))
println(Base.return_types(reverse, (typeof((a = 1, b = :c)),)), " ", ntuple(identity, Val(3)), " ", t(() -> ntuple(identity, Val(1:2))))
println(convert(NTuple, (1, 1.0)), " ", eltype(Union{Tuple{Int,Float64},Tuple{Vararg{Bool}}}))

# pairs of a named tuple (what `kw...` collects) is a Base.Pairs
kwf(; kw...) = kw
k = kwf(a = 1, b = 2)
println(k, " ", k[:a], " ", haskey(k, :b), " ", length(k), " ", collect(k), " ", keys(k), " ", values(k))
println(typeof(k) == @Kwargs{a::Int, b::Int}, " ", (; k...), " ", merge((; a = 1), Base.Pairs((; b = 2, c = 3), (:b,))))
println(t(() -> NTuple{3}([1, nothing, nothing])), " ", Tuple{Int,String}(1 => "2"), " ", NTuple{3}([1, 2, 3]))
println(Base.return_types(Base.isequal, (NTuple{3,Int}, NTuple{4,Int})), " ", Base.return_types(NTuple{3,Int}, (Vector{Int},)))
