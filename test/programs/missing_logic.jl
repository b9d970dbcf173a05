# three-valued logic of missing in comparisons of collections, any/all/in, conversion and promotion with Missing
println([1, missing] == [1, missing], " ", [missing, 1] == [missing, 2], " ", Any[missing, 2] != Any[1, missing], " ", Union{Int, Missing}[1] == [1.0])
println((1, missing) == (1, missing), " ", (missing, 1) == (missing, 2), " ", (1, missing) < (1, 3), " ", (1,) < (2, missing), " ", () < (missing,))
println(isequal([1, missing], [1, missing]), " ", isequal((1, missing), (1, missing)), " ", isequal([NaN], [NaN]), " ", isequal([0.0], [-0.0]))
println(any([true, missing]), " ", any([false, missing]), " ", all([true, missing]), " ", all([false, missing]), " ", any(x -> x == 1, [2, missing]))
println(1 in [1, missing], " ", 2 in [1, missing], " ", missing in [1, missing])
println(convert(Union{Int, Missing}, 1.0), " ", convert(Union{Missing, Nothing, Float64}, 1), " ", convert(Union{Nothing, Missing}, missing))
for (T, x) in ((Missing, 1), (Union{Nothing, Missing}, 1), (Union{Int, Missing}, "a"))
    try
        convert(T, x)
    catch e
        println(typeof(e), " ", e isa ErrorException ? e.msg : "")
    end
end
println(promote_type(Union{Float64, Missing}, Union{Int, Missing}), " ", promote_type(Union{Int, Missing}, Int), " ", promote_type(Union{Float64, Missing}, Union{String, Missing}) == Any)
x = convert(Vector{Union{Int, Missing}}, [1.0, missing])
println(x, " ", typeof([NaN, missing, 5]), " ", [0, nothing, 0.0, missing], " ", typeof([1, "a", missing]))
println(float([1, missing]), " ", float(Union{Int, Missing}[missing]), " ", Missing(), " ", Nothing() === nothing)
println(*(missing), " ", (&)(missing), " ", nand(missing), " ", "a" * missing, " ", missing * 'b', " ", log(missing, 2), " ", max(missing, "a"), " ", ~true)
println(nand(missing, false), " ", nor(missing, true), " ", @coalesce(missing, 2, error("not evaluated")), " ", @coalesce(), " ", @coalesce(nothing, 1))
println(sortperm([NaN, missing, 5, -0.0, NaN, missing, Inf, 0.0, -Inf]), " ", sort([missing, "a", "c", missing, "b"], rev=true))
println(BitArray([true, false]), " ", [missing, false] == BitArray([true, false]), " ", broadcast(ismissing, Any[1, missing]) isa BitVector)
