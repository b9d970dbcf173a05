# Float32: arithmetic, conversions, promotion with Int64 and Float64, and how it shows and prints
x = 1.5f0
println(x, " ", typeof(x), " ", repr(x))
show(x); println()
y = Float32(0.1)
println(y, " ", repr(y), " ", Float64(y))
println(Float32(1e10), " ", repr(Float32(1e10)), " ", repr(Float32(1e-5)), " ", repr(NaN32), " ", Inf32, " ", -Inf32)
println(x + 1, " ", typeof(x + 1), " ", x + 1.0, " ", typeof(x * 2.0))
println(Float32[1.5, 2.0, 0.1])
println(sqrt(2.0f0), " ", 2.0f0^10, " ", Float32(1)/3, " ", floor(2.7f0), " ", round(2.5f0))
println(isnan(NaN32), " ", isinf(Inf32), " ", 1.0f0 < 2.0f0, " ", 1.0f0 == 1.0, " ", Int(3.0f0))
function f32sum(n)
    s = 0.0f0
    for i in 1:n
        s += 1.0f0 / Float32(i)
    end
    s
end
println(f32sum(1000), " ", f32sum(100000))
println(string(0.3f0), " ", "$(2.5f0)", " ", 0.1f0 + 0.2f0, " ", eps(Float32), " ", floatmax(Float32))
println(Float32(16777217), " ", Float32(typemax(Int64)), " ", Float32(0x05), " ", -0.0f0, " ", repr(-0.0f0))
