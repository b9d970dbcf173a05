area(w::Int, h::Int) = w * h
println(area(2, 3))
area("a", 2)
