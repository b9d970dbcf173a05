# Timing harness shared by the Jolt kernels (same protocol as bench/c/harness.h): warm-up runs until 0.5 s has passed
# since the first began (at least one, at most 20), then up to 5 timed runs (stopping once 1 s has been spent, after
# at least one), and one line
# `kernel=NAME time_ms=MIN checksum=VALUE runs=N`. An optional first argument replaces the default problem size.

benchsize(default::Int) = length(ARGS) >= 1 ? parse(Int, ARGS[1]) : default

# The deterministic generator every language uses: state = (state*1664525 + 1013904223) mod 2^32.
mutable struct LCG
    state::Int
end
function next!(g::LCG)
    g.state = (g.state * 1664525 + 1013904223) % 4294967296
    return g.state
end
nextfloat!(g::LCG) = next!(g) / 4294967296.0

function bench(name, f)
    w0 = time_ns()
    c = f()
    w = 1
    while w < 20 && (time_ns() - w0) / 1.0e6 < 500.0
        c = f()
        w += 1
    end
    best = Inf
    total = 0.0
    runs = 0
    while runs < 5 && (runs == 0 || total < 1000.0)
        t0 = time_ns()
        c = f()
        t = (time_ns() - t0) / 1.0e6
        best = min(best, t)
        total += t
        runs += 1
    end
    println("kernel=", name, " time_ms=", best, " checksum=", c, " runs=", runs)
end
