include("harness.jl")

# FNV-1a (32 bits) over the bytes of a string: UInt8 and UInt32 arithmetic, wrapping, in a byte loop.
function fnv1a(s::String, h::UInt32)
    for i in 1:ncodeunits(s)
        h = xor(h, UInt32(codeunit(s, i))) * UInt32(16777619)
    end
    return h
end

# 20 passes, each starting from the last one's hash
function run(s)
    h = UInt32(2166136261)
    for r in 1:20
        h = fnv1a(s, h)
    end
    return Int(h)
end

# the numbers 1..n joined by commas, in every language
const S = join([string(i) for i in 1:benchsize(100000)], ",")
bench("byte_hash", () -> run(S))
