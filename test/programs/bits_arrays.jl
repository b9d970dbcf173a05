# arrays of bits types other than Float64/Int64 (kept in a WasmGC vector as their bits): indexing, growth,
# sorting, printing, and the element type enforced on store
function sieve(n)
    isp = fill(true, n)
    isp[1] = false
    for i in 2:n
        if isp[i]
            for j in 2i:i:n
                isp[j] = false
            end
        end
    end
    count(isp)
end
println(sieve(1000))
function bytes(s)
    v = Vector{UInt8}(undef, ncodeunits(s))
    for i in 1:ncodeunits(s)
        v[i] = codeunit(s, i)
    end
    v
end
b = bytes("hé!")
println(b, " ", typeof(b), " ", length(b))
push!(b, 0x41); insert!(b, 1, 0x00); deleteat!(b, 2)
println(b, " ", sum(b), " ", maximum(b))
c = Char['a', 'b']
push!(c, 'λ')
println(c, " ", String(c))
f = Float32[1.5, 2.25]
f[2] = 3.0f0
println(f, " ", sum(f))
i32 = Int32[1, -2]
i32[1] += Int32(5)
println(i32, " ", i32 .* Int32(2))
u = UInt64[typemax(UInt64), 0x01]
println(u, " ", u[1] + u[2])
m = zeros(Int8, 2, 2)
m[2, 1] = Int8(-7)
println(m, " ", m')
try
    b[1] = 1000
catch e
    println(typeof(e))
end
println(sort(UInt8[5, 1, 200]), " ", reverse(Bool[true, false, false]))
x = Bool[true, false]
println(x == [true, false], " ", copy(x), " ", similar(x) isa Vector{Bool})
