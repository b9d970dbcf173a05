# parse.jl: integers read from text as Julia reads them. Surrounding whitespace and a sign are allowed; digits are
# 0-9 then letters (a-z and A-Z both 10-35 up to base 36; above it A-Z are 10-35 and a-z 36-61). Without a base, a
# 0b/0o/0x prefix chooses binary, octal or hexadecimal. The scanner reads bytes (compiled code reads them inline),
# decoding a character only for non-ASCII whitespace and for error messages.

_byte(s::String, i::Int) = ccall(:jl_codeunit_int, Int, (String, Int), s, i)

_check_base(base::Int) = 2 <= base <= 62 ? base : throw(ArgumentError("invalid base: base must be 2 ≤ base ≤ 62, got $base"))
_parse_base(base::Nothing) = 0
_parse_base(base::Integer) = _check_base(Int(base))

# the index of the first character at or after i that is not whitespace (n + 1 if none)
function _skip_space(s::String, i::Int, n::Int)
    while i <= n
        b = _byte(s, i)
        if b == 32 || (9 <= b && b <= 13)
            i += 1
        elseif b >= 128 && isspace(s[i])
            i = nextind(s, i)
        else
            break
        end
    end
    return i
end

# the value of the ASCII byte b as a digit (base or more: not a digit of base); straight-line, so it is inlined
_digit_value(b::Int, base::Int) =
    ifelse((48 <= b) & (b <= 57), b - 48,
    ifelse((65 <= b) & (b <= 90), b - 55,
    ifelse((97 <= b) & (b <= 122), b - 97 + ifelse(base <= 36, 10, 36), base)))

# How a scan that failed ends: parse throws Julia's error, tryparse gives nothing. The scanner is specialized on
# this function, so `parse`'s instance returns a plain Int64.
_parse_throw(err) = throw(err)
_parse_nothing(err) = nothing

# Int64 from s[i:n] in base (0: decimal unless prefixed); `fail` is called with the error of an invalid text.
function _parse_int(s::String, base::Int, fail)
    n = ncodeunits(s)
    i = _skip_space(s, 1, n)
    i > n && return fail(ArgumentError("input string is empty or only contains whitespace"))
    sgn = 1
    b = _byte(s, i)
    if b == 45 || b == 43
        b == 45 && (sgn = -1)
        i = _skip_space(s, i + 1, n)
        i > n && return fail(ArgumentError("premature end of integer: $(repr(s))"))
    end
    if base == 0
        base = 10
        if _byte(s, i) == 48 && i < n
            p = _byte(s, i + 1)
            base = p == 98 ? 2 : p == 111 ? 8 : p == 120 ? 16 : 10
            if base != 10
                i += 2
                i > n && return fail(ArgumentError("premature end of integer: $(repr(s))"))
            end
        end
    end
    # digits while the value cannot overflow, accumulated as a magnitude
    m = div(typemax(Int) - base + 1, base)
    v = 0
    while i <= n
        b = _byte(s, i)
        d = _digit_value(b, base)
        d >= base && break
        if v > m
            # near the limit: accumulate with the sign, checking each step
            v *= sgn
            while i <= n
                b = _byte(s, i)
                d = _digit_value(b, base)
                d >= base && break
                if sgn > 0 ? v > div(typemax(Int) - d, base) : v < div(typemin(Int) + d, base)
                    return fail(OverflowError("overflow parsing $(repr(s))"))
                end
                v = v * base + sgn * d
                i += 1
            end
            return _parse_int_rest(s, i, n, base, v, fail)
        end
        v = v * base + d
        i += 1
    end
    return _parse_int_rest(s, i, n, base, sgn * v, fail)
end

# after the digits: only whitespace may follow
function _parse_int_rest(s::String, i::Int, n::Int, base::Int, v::Int, fail)
    i > n && return v
    j = _skip_space(s, i, n)
    if j == i
        return fail(ArgumentError("invalid base $base digit $(repr(s[i])) in $(repr(s))"))
    end
    j > n || return fail(ArgumentError("extra characters after whitespace in $(repr(s))"))
    return v
end

parse(::Type{Int64}, s::String; base::Union{Nothing, Integer}=nothing) = _parse_int(s, _parse_base(base), _parse_throw)
tryparse(::Type{Int64}, s::String; base::Union{Nothing, Integer}=nothing) = _parse_int(s, _parse_base(base), _parse_nothing)
