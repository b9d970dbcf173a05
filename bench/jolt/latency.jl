# First-call and second-call latency of freshly defined functions: each function below is defined in this file and
# called twice; each call is timed with time_ns(). A compiler pays its compile time on the first call; an
# interpreter should show two similar numbers. Prints kernel=first_call and kernel=second_call lines (total ms over
# all functions; checksum: the sum of the results of that round, the same in both rounds).

struct Point
    x::Float64
    y::Float64
end

f01(n) = n + 1
f02(x::Float64) = x * x - 2.0 * x + 1.0
function f03(n)
    s = 0
    for i in 1:n
        s += i
    end
    s
end
function f04(n)
    a = zeros(n)
    for i in 1:n
        a[i] = i * 0.5
    end
    sum(a)
end
f05(s::String) = length(s * "xyz")
f06(p::Point) = p.x * p.y
function f07(n)
    k = 0
    while n != 1
        n = iseven(n) ? div(n, 2) : 3n + 1
        k += 1
    end
    k
end
f08(x) = x > 0 ? f08(x - 1) + 1 : 0
function f09(v::Vector{Int})
    m = v[1]
    for x in v
        if x > m
            m = x
        end
    end
    m
end
f10(a) = string(a) * "-" * string(a + 1)
f11(x::Int) = x % 7 == 0 ? "seven" : "other"
function f12(n)
    t = (1, 2.5, n)
    t[1] + t[3]
end

# Everything the timing itself uses is called once before any measurement.
function timed(f, x)
    t0 = time_ns()
    r = f(x)
    t1 = time_ns()
    return r, (t1 - t0) / 1.0e6
end
timed(identity, 0)

score(r::Number) = Float64(r)
score(r::String) = Float64(length(r))
score(r::Int) = Float64(r)

const calls = Any[
    (f01, 41), (f02, 3.0), (f03, 100), (f04, 50), (f05, "abc"), (f06, Point(1.5, 2.0)),
    (f07, 27), (f08, 20), (f09, [3, 9, 2, 7]), (f10, 12), (f11, 14), (f12, 4)
]

function round_of_calls(name)
    total = 0.0
    check = 0.0
    for (f, x) in calls
        r, t = timed(f, x)
        total += t
        check += score(r)
    end
    println("kernel=", name, " time_ms=", total, " checksum=", check, " runs=1 functions=", length(calls))
end

round_of_calls("first_call")
round_of_calls("second_call")
