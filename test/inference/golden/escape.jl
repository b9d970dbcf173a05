# Scalar replacement of mutable structs that do not escape, and keyword calls with constant keywords.
mutable struct Counter
    n::Int
    total::Float64
end
function count_to(k::Int)
    c = Counter(0, 0.0)
    while c.n < k
        c.n += 1
        c.total += c.n / 2
    end
    return c.total
end
# escapes: returned, so the allocation stays
function make(k::Int)
    c = Counter(k, 0.0)
    c.n += 1
    return c
end
hex(x::Int) = string(x, base=16)
kwf(x; scale=2, shift=0) = x * scale + shift
usekw(x::Int) = kwf(x; shift=3)
@code_typed count_to(3)
@code_typed make(3)
@code_typed hex(255)
@code_typed usekw(4)
