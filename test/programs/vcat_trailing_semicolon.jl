# a trailing semicolon makes a one-row bracket a vertical concatenation: ranges are spliced, rows stay rows
println([0:3;])
println(Int32[0:3;])
println([1 2;])
println([1;])
println(typeof([1 2;]))
println(Int8[1:2; 7])
