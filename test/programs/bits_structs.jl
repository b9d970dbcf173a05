# structs whose fields are bits values of several types (kept in one WasmGC vector in compiled code), and
# conversions between floats and the integer widths
struct P
    x::Float64
    n::Int
    ok::Bool
    c::Char
    b::UInt8
    s::Int8
    f::Float32
    u::UInt64
end
mutable struct Acc
    total::Float64
    count::Int32
    flag::Bool
end
function run(n)
    ps = P[]
    for i in 1:n
        push!(ps, P(i * 0.5, -i, isodd(i), 'a' + i % 26, UInt8(i % 256), Int8(-(i % 100)), Float32(i) / 3, UInt64(i) * 0xffffffffffff))
    end
    a = Acc(0.0, Int32(0), false)
    for p in ps
        a.total += p.x + p.n + p.f
        a.count += Int32(p.ok)
        a.flag = a.flag | (p.c == 'z')
        a.total += p.b + p.s
    end
    a, ps[3], ps[end]
end
a, p3, pe = run(1000)
println(a.total, " ", a.count, " ", a.flag)
println(p3)
println(pe)
println(P(1.5, 2, true, 'λ', 0xff, Int8(-128), 1.5f0, typemax(UInt64)) == P(1.5, 2, true, 'λ', 0xff, Int8(-128), 1.5f0, typemax(UInt64)))
q = Acc(1.0, Int32(2), true)
q.count = Int32(-7)
println(q.total, " ", q.count, " ", q.flag, " ", typeof(q.count))
try
    q.count = 3.5
catch e
    println(e)
end
println(Int32(3.0), " ", UInt8(255.0), " ", Int8(-128.0f0), " ", UInt64(2.0^63), " ", typeof(UInt16(7.0)))
for v in (3.5, 256.0, -1.0, 2.0^64, NaN)
    try
        println(UInt8(v))
    catch e
        println(e)
    end
end
# a struct held in a local that a branch assigns, then copied whole into another local that is returned
struct Cell
    a::Int
end
mulcell(x::Cell, y::Cell) = Cell(x.a * y.a)
function cellpow(x::Cell, p::Int)
    r = x
    started = false
    while true
        if isodd(p)
            r = started ? mulcell(r, x) : x
            started = true
        end
        p >>= 1
        p == 0 && return r
        x = mulcell(x, x)
    end
end
println(cellpow(Cell(3), 5), " ", cellpow(Cell(2), 10))
