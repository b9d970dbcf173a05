include("harness.jl")

# Hex round trip of random 32-bit numbers: format with base 16, parse back, check, and sum.
function run(n)
    g = LCG(42)
    sum = 0
    for i in 1:n
        x = next!(g)
        s = string(x, base=16)
        m = parse(Int, s, base=16)    # Julia's microbenchmark parses as UInt32; Int gives the same values here
        m == x || error("parse mismatch")
        sum += m + length(s)
    end
    return sum
end

const N = benchsize(100000)
bench("parse_int", () -> run(N))
