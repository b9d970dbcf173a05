# typemin and typemax of the 128-bit integers
println(typemax(Int128), " ", typemin(Int128))
println(typemax(UInt128), " ", typemin(UInt128), " ", typeof(typemin(UInt128)), " ", typeof(typemax(Int128)))
println(typemax(Int128) + typemin(Int128), " ", typemax(UInt128) % UInt8)
