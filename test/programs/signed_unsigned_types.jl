# signed/unsigned of values and types, and Base's tuples of the bit-integer types
println(signed(3), " ", signed(UInt(3)), " ", typeof(signed(UInt(3))), " ", signed(UInt(0) - 1), " ", signed(true))
println(unsigned(true) === unsigned(1), " ", signed(Bool), " ", unsigned(Bool), " ", signed(UInt8), " ", unsigned(Int16))
println(signed(0xff), " ", signed(UInt16(40000)) isa Int16)
println(signed(UInt(3) << 62), " ", signed(0xffff), " ", typeof(signed(0xffff)))
println(Base.BitUnsigned_types, " ", length(Base.BitInteger_types))
println(Int isa Base.BitIntegerType, " ", Float64 isa Base.BitIntegerType)
f(x) = x isa Base.BitIntegerType
println(f(UInt8), " ", f(Float32), " ", f(3), " ", Int8 isa Union{Type{Int8},Nothing}, " ", nothing isa Union{Type{Int8},Nothing})
