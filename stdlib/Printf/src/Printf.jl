# The Printf standard library, written in Jolt: @printf, @sprintf, Printf.Format and Printf.format, with C's
# conversions as Julia implements them. The digits of floats come from the runtime (exact, ties to even).
module Printf

export @printf, @sprintf

"""
One `%` specifier of a format string: the conversion character, its flags, width and precision.
"""
struct Spec
    conv::Char
    leftalign::Bool
    plus::Bool
    space::Bool
    zero::Bool
    hash::Bool
    width::Int
    precision::Int
    dynamic_width::Bool
    dynamic_precision::Bool
end

# the specifier written back as a format string
function Base.string(f::Spec; modifier::String="")
    string("%", f.leftalign ? "-" : "", f.plus ? "+" : "", f.space ? " " : "", f.zero ? "0" : "",
           f.hash ? "#" : "", f.dynamic_width ? "*" : (f.width > 0 ? string(f.width) : ""),
           f.dynamic_precision ? ".*" : (f.precision == 0 ? ".0" : (f.precision > 0 ? string(".", f.precision) : "")),
           modifier, f.conv)
end
Base.show(io::IO, f::Spec) = print(io, string(f))

"""
    Printf.Format(format_str)

A parsed printf-style format string, to be applied to values with `Printf.format`. The string macro
`Printf.format"..."` builds one when the code is expanded.
"""
struct Format
    str::String
    # the literal text around the specifiers, `%%` already unescaped: one more than there are specifiers
    substrings::Vector{String}
    formats::Vector{Spec}
    numarguments::Int
end

struct InvalidFormatStringError <: Exception
    message::String
    format::String
    start_color::Int
    end_color::Int
end

function Base.showerror(io::IO, err::InvalidFormatStringError)
    f = err.format
    println(io, "InvalidFormatStringError: ", err.message)
    before = err.start_color > 1 ? f[1:prevind(f, err.start_color)] : ""
    bad = f[err.start_color:err.end_color]
    println(io, "    \"", before, bad, f[nextind(f, err.end_color):end], "\"")
    print(io, "    ", " "^err.start_color, "-"^(length(bad) - 1), "^\n")
end

const INT_CONVS = "diouxXDOU"
const FLOAT_CONVS = "eEfFgGaA"
const ALL_CONVS = "diouxXDOUeEfFgGaAcCsSpn"

incomplete(f, from, to) = throw(InvalidFormatStringError("Format specifier is incomplete", f, from, to))

# the next byte of the specifier starting at `pct`, as a Char, and its index
function advance(f::String, pct::Int, pos::Int)
    pos += 1
    pos > ncodeunits(f) && incomplete(f, pct, pos - 1)
    return Char(codeunit(f, pos)), pos
end

# a width or precision at `pos`: `*` (taken from the arguments) or digits; (value, dynamic, next char, its index)
function parsecount(f::String, pct::Int, c::Char, pos::Int)
    c == '*' && return (0, true, advance(f, pct, pos)...)
    n = 0
    while isdigit(c)
        n = 10 * n + (c - '0')
        c, pos = advance(f, pct, pos)
    end
    return n, false, c, pos
end

# parses the specifier whose '%' is at byte `pct`: (spec, the byte after it, arguments it takes)
function parsespec(f::String, pct::Int)
    len = ncodeunits(f)
    c, pos = advance(f, pct, pct)
    leftalign = plus = space = zero = hash = false
    while true
        if c == '-'
            leftalign = true
        elseif c == '+'
            plus = true
        elseif c == ' '
            space = true
        elseif c == '0'
            zero = true
        elseif c == '#'
            hash = true
        else
            break
        end
        c, pos = advance(f, pct, pos)
    end
    leftalign && (zero = false)
    width, dynamic_width, c, pos = parsecount(f, pct, c, pos)
    precision = 0
    parsedprec = dynamic_precision = false
    if c == '.'
        pos == len && throw(InvalidFormatStringError("Precision specifier is missing precision", f, pct, pos))
        parsedprec = true
        precision, dynamic_precision, c, pos = parsecount(f, pct, advance(f, pct, pos)...)
    end
    # length modifiers (h hh l ll L j q t z) say nothing to Julia
    if c == 'h' || c == 'l' || c in "Ljqtz"
        prev = c
        pos == len && throw(InvalidFormatStringError("Length modifier is missing type specifier", f, pct, pos))
        pos += 1
        c = Char(codeunit(f, pos))
        if (prev == 'h' || prev == 'l') && c == prev
            pos == len && throw(InvalidFormatStringError("Length modifier is missing type specifier", f, pct, pos))
            pos += 1
            c = Char(codeunit(f, pos))
        end
    end
    c in ALL_CONVS || throw(InvalidFormatStringError("'$c' is not a valid type specifier", f, pct, pos))
    if c in INT_CONVS && precision > 0
        zero = false
    elseif (c in "sScC" || c in "aA") && !parsedprec
        precision = -1
    elseif c in FLOAT_CONVS && !parsedprec
        precision = 6
    end
    spec = Spec(c, leftalign, plus, space, zero, hash, width, precision, dynamic_width, dynamic_precision)
    return spec, pos + 1, 1 + dynamic_width + dynamic_precision
end

function Format(fmt::AbstractString)
    f = String(fmt)
    len = ncodeunits(f)
    substrings = String[]
    formats = Spec[]
    nargs = 0
    text = ""
    from = 1
    pos = 1
    while pos <= len
        if codeunit(f, pos) != 0x25
            pos += 1
            continue
        end
        pos > from && (text *= f[from:prevind(f, pos)])
        pos == len && incomplete(f, pos, pos)
        if codeunit(f, pos + 1) == 0x25
            text *= "%"
            pos += 2
        else
            spec, pos, n = parsespec(f, pos)
            push!(substrings, text)
            push!(formats, spec)
            nargs += n
            text = ""
        end
        from = pos
    end
    from <= len && (text *= f[from:lastindex(f)])
    push!(substrings, text)
    return Format(f, substrings, formats, nargs)
end

macro format_str(str)
    Format(str)
end

"""
    Printf.tofloat(x)

The float that `%e`, `%f`, `%g` and `%a` print for the argument `x`: `Float64(x)` unless a method for the type
of `x` says otherwise.
"""
tofloat(x) = Float64(x)
tofloat(x::Float64) = x

pad(n::Int, c::Char) = n > 0 ? c^n : ""

# %c: the first character of the argument (a Char, a code point, a string)
function fmt_char(arg, spec::Spec, width::Int)
    c = Char(first(arg))
    fill = pad(width - textwidth(c), ' ')
    return spec.leftalign ? string(c, fill) : string(fill, c)
end

# %s: what `print` writes, cut to `prec` columns; `#` quotes strings and prefixes symbols with ':'
function fmt_string(arg, spec::Spec, width::Int, prec::Int)
    str = string(arg)
    hash = spec.hash
    slen = textwidth(str) + (hash ? (arg isa AbstractString ? 2 : 1) : 0)
    p = prec == -1 ? slen : min(slen, prec)
    shown = p
    out = spec.leftalign ? "" : pad(width - p, ' ')
    if hash && arg isa Symbol
        out *= ":"
        p -= 1
    elseif hash && arg isa AbstractString
        out *= "\""
        p -= 1
    end
    for c in str
        p -= textwidth(c)
        p < 0 && break
        out *= string(c)
    end
    hash && arg isa AbstractString && p > 0 && (out *= "\"")
    spec.leftalign && (out *= pad(width - shown, ' '))
    return out
end

# %d %i %u %x %X %o of an integer; `prec` is the least number of digits
function fmt_int(arg, spec::Spec, conv::Char, width::Int, prec::Int, zero::Bool)
    # Julia counts the digits first: anything but an integer has no `ndigits`
    arg isa Integer || throw(MethodError(ndigits, (arg,)))
    x = arg isa Bool ? Int(arg) : arg
    base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' || conv == 'O' ? 8 : 10
    s = string(x, base=base)
    neg = s[1] == '-'
    digits = neg ? s[2:end] : s
    conv == 'X' && (digits = uppercase(digits))
    n = ncodeunits(digits)
    prefix = spec.hash ? (conv == 'o' || conv == 'O' ? "0" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "") : ""
    sign = neg ? "-" : spec.plus ? "+" : spec.space ? " " : ""
    len = n + ncodeunits(sign) + ncodeunits(prefix)
    # precision's leading zeros count toward the width
    len2 = len < width && prec > 0 ? len + min(max(0, prec - n), width - len) : len
    out = !spec.leftalign && !zero ? pad(width - len2, ' ') : ""
    out *= sign * prefix
    if zero && len2 < width
        out *= pad(width - len2, '0')
    elseif n < prec
        out *= pad(prec - n, '0')
    elseif len < len2
        out *= pad(len2 - len, '0')
    end
    out *= digits
    spec.leftalign && (out *= pad(width - len2, ' '))
    return out
end

# %e %f %g %a (and %d of a float, as %.0f): the runtime writes the digits of |x|
function fmt_float(arg, spec::Spec, conv::Char, width::Int, prec::Int, zero::Bool)
    x = Float64(tofloat(arg))
    # a negative precision from `*` counts as none given
    prec < 0 && conv != 'a' && conv != 'A' && (prec = 6)
    body = ccall(:jl_printf_float, String, (Float64, Int, Int, Bool), x, Int(conv), prec, spec.hash)
    sign = signbit(x) && !isnan(x) ? "-" : spec.plus ? "+" : spec.space ? " " : ""
    prefix = isfinite(x) ? (conv == 'a' ? "0x" : conv == 'A' ? "0X" : "") : ""
    n = width - ncodeunits(sign) - ncodeunits(prefix) - ncodeunits(body)
    n <= 0 && return string(sign, prefix, body)
    spec.leftalign && return string(sign, prefix, body, pad(n, ' '))
    zero && isfinite(x) && return string(sign, prefix, pad(n, '0'), body)
    return string(pad(n, ' '), sign, prefix, body)
end

function fmt(arg, spec::Spec, width::Int, prec::Int, zero::Bool)
    conv = spec.conv
    if conv == 'c' || conv == 'C'
        return fmt_char(arg, spec, width)
    elseif conv == 's' || conv == 'S'
        return fmt_string(arg, spec, width, prec)
    elseif conv in INT_CONVS
        arg isa AbstractFloat && return fmt_float(arg, spec, 'f', width, 0, zero)
        return fmt_int(arg, spec, conv, width, prec, zero)
    elseif conv == 'p'
        # an address: '#'-prefixed hex with all the digits of its size
        digits = sizeof(arg) == 8 ? 16 : 8
        hex = Spec('x', spec.leftalign, spec.plus, spec.space, zero, true, width, digits, false, false)
        return fmt_int(UInt64(arg), hex, 'x', width, digits, zero)
    else
        return fmt_float(arg, spec, conv, width, prec, zero)
    end
end

@noinline argmismatch(a, b) =
    throw(ArgumentError("Number of format specifiers and number of provided args differ: $a != $b"))

"""
    Printf.format(f::Printf.Format, args...) => String
    Printf.format(io::IO, f::Printf.Format, args...)

Format `args` with `f`: returned as a String, or written to `io`.
"""
function format(f::Format, args...)
    f.numarguments == length(args) || argmismatch(f.numarguments, length(args))
    out = f.substrings[1]
    argp = 1
    for i = 1:length(f.formats)
        spec = f.formats[i]
        width = spec.width
        prec = spec.precision
        zero = spec.zero
        if spec.dynamic_width
            width = args[argp]
            argp += 1
        end
        if spec.dynamic_precision
            prec = args[argp]
            argp += 1
            spec.conv in INT_CONVS && prec > 0 && (zero = false)
        end
        arg = args[argp]
        argp += 1
        if spec.conv == 'n'
            # %n stores how many bytes were written so far
            arg[] = ncodeunits(out)
        else
            out *= fmt(arg, spec, width, prec, zero)
        end
        out *= f.substrings[i+1]
    end
    return out
end

function format(io::IO, f::Format, args...)
    write(io, format(f, args...))
    return nothing
end

"""
    @printf([io::IO], "%Fmt", args...)

Write `args` formatted by a C-style format string (parsed when the macro expands) to `stdout`, or to `io`.
"""
macro printf(io_or_fmt, args...)
    if io_or_fmt isa String
        fmt = Format(io_or_fmt)
        return esc(:($Printf.format(stdout, $fmt, $(args...))))
    else
        io = io_or_fmt
        isempty(args) && throw(ArgumentError("No format string provided to `@printf` - use like `@printf [io] <format string> [<args...>]."))
        fmt_str = first(args)
        fmt_str isa String || throw(ArgumentError("First argument to `@printf` after `io` must be a format string"))
        fmt = Format(fmt_str)
        return esc(:($Printf.format($io, $fmt, $(Base.tail(args)...))))
    end
end

"""
    @sprintf("%Fmt", args...)

The text `@printf` would write, as a String.
"""
macro sprintf(fmt, args...)
    fmt isa String || throw(ArgumentError("First argument to `@sprintf` must be a format string."))
    f = Format(fmt)
    return esc(:($Printf.format($f, $(args...))))
end

end # module
