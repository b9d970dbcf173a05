# The kinds of code a classic micro-benchmark script runs: a timing macro around each kernel, recursion, integer
# strings in base 16, complex arithmetic in a 2-d comprehension, an in-place quicksort, a float loop, random
# matrices joined into blocks, matrix powers and products, and formatted writes to a file
using LinearAlgebra: tr
using Printf: @printf
using Random: seed!, rand, randn
using Statistics: std, mean
using Test: @test

const REPEATS = 2

seed!(42)

macro measure(ex, label)
    quote
        times = zeros(REPEATS)
        for k = 0:REPEATS
            ms = 1000 * (@elapsed $(esc(ex)))
            if k > 0
                times[k] = ms
            end
        end
        @printf "kernel,%s,%s\n" $(esc(label)) (minimum(times) >= 0)
        GC.gc()
    end
end

tri(n) = n < 2 ? n : tri(n - 1) + tri(n - 2)
@test tri(15) == 610
@measure tri(15) "recursion"

function hexroundtrip(count)
    local last
    for k = 1:count
        last = rand(UInt32)
        h = string(last, base=16)
        back = parse(UInt32, h, base=16)
        @assert back == last
    end
    return last
end
@measure hexroundtrip(20) "hex"
println(string(255, base=16), " ", parse(UInt32, "ff", base=16), " ", string(UInt32(4096), base=16))

function escapes(z)
    c = z
    for n = 1:40
        if real(z)*real(z) + imag(z)*imag(z) > 4
            return n - 1
        end
        z = z^2 + c
    end
    return 40
end
grid() = [escapes(complex(x, y)) for y = -1.0:0.25:1.0, x = -2.0:0.25:0.5]
g = grid()
println(size(g), " ", sum(g))
@measure grid() "complex"

function quick!(v, lo, hi)
    i, j = lo, hi
    while i < hi
        mid = v[(lo+hi)>>>1]
        while i <= j
            while v[i] < mid; i += 1; end
            while v[j] > mid; j -= 1; end
            if i <= j
                v[i], v[j] = v[j], v[i]
                i, j = i + 1, j - 1
            end
        end
        if lo < j; quick!(v, lo, j); end
        lo, j = i, hi
    end
    return v
end
println(quick!([5, 3, 9, 1, 7, 2, 8], 1, 7))
@test issorted(quick!(rand(300), 1, 300))
@measure quick!(rand(100), 1, 100) "sort"

const acc = Ref(0.0)
function series()
    for rep = 1:3
        t = 0.0
        for k = 1:1000
            t += 1.0 / (k * k)
        end
        acc[] = t
    end
    return acc[]
end
@printf "%.10f\n" series()
@measure series() "series"

function blockstats(count)
    n = 3
    v = zeros(count)
    w = zeros(count)
    for k = 1:count
        a = randn(n, n)
        b = randn(n, n)
        c = randn(n, n)
        d = randn(n, n)
        P = [a b c d]
        Q = [a b; c d]
        v[k] = tr((P'P)^4)
        w[k] = tr((Q'Q)^4)
    end
    return (std(v) / mean(v), std(w) / mean(w))
end
(r1, r2) = blockstats(6)
@test 0 < r1 < 5 && 0 < r2 < 5
@measure blockstats(3) "blocks"
a = [1.0 2.0; 3.0 4.0]
println(size([a a a a]), " ", size([a a; a a]), " ", tr((a'a)^2))

M = rand(12, 12) * rand(12, 12)
println(size(M), " ", all(x -> x > 0, M))
@measure rand(12, 12) * rand(12, 12) "product"

if Sys.isunix()
    function writelines(n)
        open("/dev/null", "w") do io
            for k = 1:n
                @printf(io, "%d %d\n", k, k + 1)
            end
        end
    end
    writelines(1)
    @measure writelines(50) "file"
end
buf = IOBuffer()
@printf(buf, "%d %d\n", 7, 8)
print(String(take!(buf)))
