# More integer functions: gcd/lcm of one or many values, the extended gcd, modular inverse and power, prevpow.
gcd(a::Integer) = checked_abs(a)
lcm(a::Integer) = checked_abs(a)
gcd(a::Integer, b::Integer, c::Integer...) = gcd(gcd(a, b), c...)
lcm(a::Integer, b::Integer, c::Integer...) = lcm(lcm(a, b), c...)
function gcd(v::AbstractArray{T}) where {T<:Integer}
    g = zero(T)
    for x in v
        g = gcd(g, x)
    end
    g
end
function lcm(v::AbstractArray{T}) where {T<:Integer}
    l = one(T)
    for x in v
        l = lcm(l, x)
    end
    l
end
# gcdx(a, b) = (d, u, v) with d = gcd(a, b) = u*a + v*b, by the extended Euclidean algorithm
function gcdx(a::T, b::T) where {T<:BitInteger}
    s0, s1 = one(T), zero(T)
    t0, t1 = zero(T), one(T)
    x, y = a, b
    while y != 0
        q = div(x, y)
        x, y = y, rem(x, y)
        s0, s1 = s1, s0 - q * s1
        t0, t1 = t1, t0 - q * t1
    end
    x < 0 ? (-x, -s0, -t0) : (x, s0, t0)
end
gcdx(a::Integer, b::Integer) = typeof(a) === typeof(b) ? throw(MethodError(gcdx, (a, b))) : gcdx(promote(a, b)...)
# the inverse of n modulo m: x with n*x ≡ 1 (mod m), taken in the range of mod(_, m)
function invmod(n::T, m::T) where {T<:BitInteger}
    m == 0 && throw(DomainError(m, "`m` must not be 0."))
    if n isa Signed
        # gcdx cannot give these: -typemin(T) does not fit
        n == typemin(T) && m == -one(T) && return zero(T)
        n == -one(T) && m == typemin(T) && return -one(T)
    end
    g, x, _ = gcdx(n, m)
    g != 1 && throw(DomainError((n, m), string("Greatest common divisor is ", g, ".")))
    # an unsigned coefficient that would have been negative wrapped around: adding m corrects it
    n isa Unsigned && x > typemax(T) >> 1 && (x += m)
    mod(x, m)
end
invmod(n::Integer, m::Integer) = typeof(n) === typeof(m) ? throw(MethodError(invmod, (n, m))) : invmod(promote(n, m)...)
# x^p mod m by repeated squaring, each product taken in the wider type so that it cannot overflow
function powermod(x::Integer, p::Integer, m::T) where {T<:BitInteger}
    p < 0 && return powermod(invmod(oftype(m, mod(x, m)), m), -p, m)
    (m == 1 || m == -1) && return zero(T)
    r = oftype(m, mod(one(m), m))
    b = oftype(m, mod(x, m))
    while p > 0
        if isodd(p)
            r = oftype(m, mod(widemul(r, b), m))
        end
        b = oftype(m, mod(widemul(b, b), m))
        p >>= 1
    end
    r
end
# the largest power of a that is at most x
function prevpow(a::Integer, x::Integer)
    x < 1 && throw(DomainError(x, "`x` must be ≥ 1."))
    a <= 1 && throw(DomainError(a, "`a` must be greater than 1."))
    n = one(x)
    while n <= div(x, a)
        n *= a
    end
    oftype(x, n)
end
