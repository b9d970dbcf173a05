# Float64 grid, running reductions, factorial, Some/something, applicable
println(eps(), " ", eps(1.0), " ", eps(1000.0))
println(floatmax(Float64), " ", floatmin(Float64))
println(nextfloat(1.0), " ", prevfloat(1.0), " ", nextfloat(0.0))
println(cumsum([1, 2, 3]), " ", cumsum(1:4), " ", accumulate(*, [1.0, 2.0, 3.0]))
println(sum(Int[]), " ", sum(Float64[]), " ", prod(Int[]))
println(factorial(0), " ", factorial(5), " ", factorial(20))
try
    factorial(21)
catch e
    println(sprint(showerror, e))
end
try
    log(-2.0)
catch e
    println(e isa DomainError, " ", e.val)
end
println(something(nothing, Some(2), 3), " ", something(nothing, 4))
println(something(Some(nothing), 1) === nothing)
area(w::Int, h::Int) = w * h
println(applicable(area, 2, 3), " ", applicable(area, 2.0, 3), " ", applicable(area, 2))
println(hasmethod(area, Tuple{Int, Int}), " ", hasmethod(area, Tuple{Real, Int}))
