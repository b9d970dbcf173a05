# an uncaught KeyError from indexing a Dict with a missing key
d = Dict("a" => 1, "b" => 2)
println(d["a"] + d["b"])
println(d["missing"])
