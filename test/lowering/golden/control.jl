# Lowered control flow: branches, loops, short-circuit operators, early return.
sgn(x) = x > 0 ? 1 : x < 0 ? -1 : 0
function count_to(n)
    s = 0
    i = 1
    while i <= n
        s += i
        i += 1
    end
    s
end
function sum_range(n)
    t = 0.0
    for k in 1:n
        t += k
    end
    t
end
both(a, b) = a && b || !a
function first_neg(v)
    for x in v
        x < 0 && return x
    end
    nothing
end
@code_lowered sgn(1)
@code_lowered count_to(3)
@code_lowered sum_range(3)
@code_lowered both(true, false)
@code_lowered first_neg([1, -2])
