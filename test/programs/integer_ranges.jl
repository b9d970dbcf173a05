# ranges of every integer type keep their element type; a range equals a vector with its elements
r = 0x01:0x03
println(r, " ", typeof(r), " ", collect(r))
for i in Int8(1):Int8(2)
    print(i, "::", typeof(i), " ")
end
println()
println(r[2], " ", typeof(r[2]), " ", (1:5)[2])
println(collect(1:3) == 1:3, " ", 1:3 == [1, 2, 3], " ", 1:0 == 2:1, " ", 1:3 == 1:2:5, " ", [1, 2] == 1:3)
println(oftype(1, 2.0), " ", oftype(1.5, 2))
