include("harness.jl")

# The n-th prime as a common solution writes it: a closure tests a candidate against every prime found so far with
# an array comprehension. The closure is defined before `primes` is assigned, so `primes` is a captured variable
# that is boxed and its type unknown inside the closure. Checksum: the n-th prime.
function prime(n)
    n < 1 && throw(DomainError(n))
    is_prime(k) = all([k % p > 0 for p in primes])
    primes = Int[]
    k = 2
    while length(primes) < n
        is_prime(k) && push!(primes, k)
        k += 1
    end
    return primes[end]
end

# (the size is read inside the timed closure, not kept in a `const`: compiled code kept from an earlier run with
# another size would otherwise still hold the old value)
bench("unstable_prime", () -> prime(benchsize(10001)))
