println("before")
println(undefined_x)
