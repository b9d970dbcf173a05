try
    @eval Main include("lib/bad_syntax.jl.txt")
catch e
    println("caught")
end
try
    include("lib/bad_syntax.jl.txt")
catch e
    println("caught")
end
println(include("lib/helper.jl") !== nothing)
