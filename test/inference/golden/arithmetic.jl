# Integer and float arithmetic: intrinsics after inlining, constant folding, conversions.
f1(x) = x + 1
f2(x, y) = x * y - 3
f3(x::Float64) = 2x + 1.5
f4(x) = x / 2
f5(a, b) = a ÷ b
f6(x) = -x
f7(x) = abs(x)
f8() = 3 * 4 + 1
f9(x::Int) = Float64(x)
f10(x) = x == 0
f11(x::UInt8, y::UInt8) = x + y
f12(x) = x < 10 && x > 0
@code_typed f1(1)
@code_typed optimize=false f1(1)
@code_typed f2(2, 3)
@code_typed f3(1.0)
@code_typed f4(3)
@code_typed f5(7, 2)
@code_typed f6(1.5)
@code_typed f7(-3)
@code_typed f8()
@code_typed f9(4)
@code_typed f10(0)
@code_typed f11(0x01, 0x02)
@code_typed f12(5)
