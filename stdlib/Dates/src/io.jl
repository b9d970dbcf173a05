# Date formats: parsing strings into time types and formatting time types into strings, and their printing.

abstract type AbstractDateToken end

# a run of one code letter ("yyyy"); fixed when another part follows with no delimiter between ("yyyymmdd")
struct DatePart <: AbstractDateToken
    letter::Char
    width::Int
    fixed::Bool
end
# literal text between parts
struct Delim <: AbstractDateToken
    d::String
end

"""
    DateFormat(format::AbstractString, locale="english") -> DateFormat

A format for parsing and printing dates and times. Codes: `y`/`Y` year, `m` month, `u` month abbreviation, `U`
month name, `d` day, `H` hour, `I` hour on a 12-hour clock, `M` minute, `S` second, `s` millisecond, `e` weekday
abbreviation, `E` weekday name, `p` AM/PM; a run of one code gives its width (`yyyy`); any other character is a
literal, and `\\` makes a code letter literal.
"""
struct DateFormat
    tokens::Vector{AbstractDateToken}
    locale::DateLocale
end

const CODES = "yYmuUdHIMSseEp"

function DateFormat(f::AbstractString, locale::DateLocale=ENGLISH)
    tokens = AbstractDateToken[]
    chars = collect(String(f))
    lit = Char[]
    i = 1
    n = length(chars)
    while i <= n
        c = chars[i]
        if c == '\\' && i < n
            push!(lit, chars[i + 1])
            i += 2
        elseif c in CODES
            j = i
            while j < n && chars[j + 1] == c
                j += 1
            end
            if !isempty(lit)
                push!(tokens, Delim(String(lit)))
                empty!(lit)
            elseif !isempty(tokens) && tokens[end] isa DatePart
                # two parts side by side: the first has exactly its width
                p = tokens[end]
                tokens[end] = DatePart(p.letter, p.width, true)
            end
            push!(tokens, DatePart(c, j - i + 1, false))
            i = j + 1
        else
            push!(lit, c)
            i += 1
        end
    end
    isempty(lit) || push!(tokens, Delim(String(lit)))
    DateFormat(tokens, locale)
end
DateFormat(f::AbstractString, locale::AbstractString) = DateFormat(f, LOCALES[locale])

function _show_content(io::IO, t::DatePart)
    for i in 1:t.width
        print(io, t.letter)
    end
end
function _show_content(io::IO, t::Delim)
    for c in t.d
        c in CODES && print(io, '\\')
        print(io, c)
    end
end
function Base.show(io::IO, df::DateFormat)
    print(io, "dateformat\"")
    for t in df.tokens
        _show_content(io, t)
    end
    print(io, '"')
end
Base.show(io::IO, t::DatePart) = (print(io, "DatePart("); _show_content(io, t); print(io, ")"))
Base.show(io::IO, t::Delim) = (print(io, "Delim("); _show_content(io, t); print(io, ")"))

"""
    dateformat"Y-m-d H:M:S"

A [`DateFormat`](@ref), made once when the macro is expanded.
"""
macro dateformat_str(str)
    DateFormat(str)
end

const ISODateTimeFormat = DateFormat("yyyy-mm-dd\\THH:MM:SS.s")
const ISODateFormat = DateFormat("yyyy-mm-dd")
const ISOTimeFormat = DateFormat("HH:MM:SS.s")
const RFC1123Format = DateFormat("e, dd u yyyy HH:MM:SS")

default_format(::Type{DateTime}) = ISODateTimeFormat
default_format(::Type{Date}) = ISODateFormat
default_format(::Type{Time}) = ISOTimeFormat

# ---- formatting

_hour12(dt) = (h = hour(dt); h > 12 ? h - 12 : h == 0 ? 12 : h)

function _format(io::IO, t::DatePart, dt, locale::DateLocale)
    c = t.letter
    if c == 'y'
        # the last `width` digits of the year
        s = string(year(dt), pad=t.width)
        print(io, length(s) == t.width ? s : s[end-t.width+1:end])
    elseif c == 's'
        # milliseconds as a fraction: 500 is "5", 50 is "05", 5 is "005"
        ms = millisecond(dt)
        s = ms % 100 == 0 ? string(div(ms, 100)) : ms % 10 == 0 ? string(div(ms, 10), pad=2) : string(ms, pad=3)
        print(io, rpad(s, t.width, '0'))
    elseif c == 'u'
        print(io, monthabbr(month(dt), locale))
    elseif c == 'U'
        print(io, monthname(month(dt), locale))
    elseif c == 'e'
        print(io, dayabbr(dayofweek(dt), locale))
    elseif c == 'E'
        print(io, dayname(dayofweek(dt), locale))
    elseif c == 'p'
        print(io, hour(dt) < 12 ? "AM" : "PM")
    else
        v = c == 'Y' ? year(dt) : c == 'm' ? month(dt) : c == 'd' ? day(dt) : c == 'H' ? hour(dt) :
            c == 'I' ? _hour12(dt) : c == 'M' ? minute(dt) : second(dt)
        print(io, string(v, pad=t.width))
    end
end
_format(io::IO, t::Delim, dt, locale::DateLocale) = print(io, t.d)

function format(io::IO, dt::TimeType, df::DateFormat)
    for t in df.tokens
        _format(io, t, dt, df.locale)
    end
end

"""
    format(dt::TimeType, format::AbstractString; locale="english") -> AbstractString

`dt` as a string in the given format (see [`DateFormat`](@ref)).
"""
format(dt::TimeType, df::DateFormat) = sprint(format, dt, df)
format(dt::TimeType, f::AbstractString; locale="english") = format(dt, DateFormat(f, _locale(locale)))

# ---- parsing

# three decimal digits after a point: more that are not zeros are an InexactError, as Julia reports it
struct Decimal3 end

struct _ParseError
    msg::String
end

function _parse_error(t::AbstractDateToken, i::Int)
    _ParseError(string("Unable to parse date time. Expected directive ", sprint(show, t), " at char ", i))
end

# The values of year, month, day, hour, minute, second, millisecond and the AM/PM mark read from `s`; parts
# after the end of the string keep their defaults.
function _parse_parts(s::String, df::DateFormat)
    vals = Int64[1, 1, 1, 0, 0, 0, 0]
    ampm = :h24
    i = 1
    n = ncodeunits(s)
    for t in df.tokens
        i > n && break
        if t isa Delim
            for c in t.d
                (i <= n && s[i] == c) || return _parse_error(t, i)
                i = nextind(s, i)
            end
            continue
        end
        c = t.letter
        if c in "uUeE"
            j = i
            while j <= n && isletter(s[j]) && (!t.fixed || j - i < t.width)
                j = nextind(s, j)
            end
            word = s[i:prevind(s, j)]
            l = df.locale
            v = c == 'u' ? _monthabbr_value(word, l) : c == 'U' ? _monthname_value(word, l) :
                c == 'e' ? _dayabbr_value(word, l) : _dayname_value(word, l)
            v == 0 && return _parse_error(t, i)
            c in "uU" && (vals[2] = v)
            i = j
        elseif c == 'p'
            i + 1 <= n || return _parse_error(t, i)
            a = lowercase(s[i])
            ((a == 'a' || a == 'p') && lowercase(s[i+1]) == 'm') || return _parse_error(t, i)
            ampm = a == 'a' ? :am : :pm
            i += 2
        else
            j = i
            while j <= n && isdigit(s[j]) && (!t.fixed || j - i < t.width)
                j += 1
            end
            j - i >= (t.fixed ? t.width : 1) || return _parse_error(t, i)
            v = parse(Int64, s[i:j-1])
            if c == 's'
                # digits after a decimal point, in milliseconds
                k = j - i
                if k > 3
                    q, r = divrem(v, 10^(k - 3))
                    r == 0 || throw(InexactError(:convert, Decimal3, v))
                    v = q
                else
                    v *= 10^(3 - k)
                end
            end
            vals[c in "yY" ? 1 : c == 'm' ? 2 : c == 'd' ? 3 : c in "HI" ? 4 : c == 'M' ? 5 : c == 'S' ? 6 : 7] = v
            i = j
        end
    end
    i <= n && return _ParseError("Found extra characters at the end of date time string")
    (vals, ampm)
end

function _build(::Type{Date}, vals, ampm)
    Date(vals[1], vals[2], vals[3])
end
function _build(::Type{DateTime}, vals, ampm)
    _datetime_ampm(vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], vals[7], ampm)
end
function _build(::Type{Time}, vals, ampm)
    ampm === :h24 || 0 < vals[4] < 13 || throw(ArgumentError(string("Hour: ", vals[4], " out of range (1:12)")))
    Time(_adjusthour(vals[4], ampm), vals[5], vals[6], vals[7])
end

function Base.parse(::Type{T}, str::AbstractString, df::DateFormat=default_format(T)) where {T<:TimeType}
    r = _parse_parts(String(str), df)
    r isa _ParseError && throw(ArgumentError(r.msg))
    _build(T, r[1], r[2])
end
function Base.tryparse(::Type{T}, str::AbstractString, df::DateFormat=default_format(T)) where {T<:TimeType}
    r = _parse_parts(String(str), df)
    r isa _ParseError && return nothing
    try
        return _build(T, r[1], r[2])
    catch e
        e isa ArgumentError && return nothing
        rethrow()
    end
end

DateTime(s::AbstractString, df::DateFormat=ISODateTimeFormat) = parse(DateTime, s, df)
Date(s::AbstractString, df::DateFormat=ISODateFormat) = parse(Date, s, df)
Time(s::AbstractString, df::DateFormat=ISOTimeFormat) = parse(Time, s, df)
DateTime(s::AbstractString, f::AbstractString; locale="english") = parse(DateTime, s, DateFormat(f, _locale(locale)))
Date(s::AbstractString, f::AbstractString; locale="english") = parse(Date, s, DateFormat(f, _locale(locale)))
Time(s::AbstractString, f::AbstractString; locale="english") = parse(Time, s, DateFormat(f, _locale(locale)))

# ---- printing: print gives the ISO form, show the constructor call that parses it back

function Base.string(dt::Date)
    y, m, d = yearmonthday(value(dt))
    yy = y < 0 ? string("-", lpad(-y, 4, "0")) : lpad(y, 4, "0")
    string(yy, "-", lpad(m, 2, "0"), "-", lpad(d, 2, "0"))
end
const _DATETIME_FORMAT = DateFormat("YYYY-mm-dd\\THH:MM:SS")
const _DATETIME_MS_FORMAT = DateFormat("YYYY-mm-dd\\THH:MM:SS.s")
Base.string(dt::DateTime) = format(dt, millisecond(dt) == 0 ? _DATETIME_FORMAT : _DATETIME_MS_FORMAT)
function Base.string(t::Time)
    s = string(lpad(hour(t), 2, "0"), ":", lpad(minute(t), 2, "0"), ":", lpad(second(t), 2, "0"))
    frac = rem(value(t), 1000000000)
    frac == 0 && return s
    # the fraction of the second, without trailing zeros
    w = 9
    while frac % 10 == 0
        frac = div(frac, 10)
        w -= 1
    end
    string(s, ".", lpad(frac, w, "0"))
end

Base.print(io::IO, dt::Union{Date,DateTime,Time}) = print(io, string(dt))
Base.show(io::IO, ::MIME"text/plain", dt::Union{Date,DateTime,Time}) = print(io, dt)
Base.show(io::IO, dt::Union{Date,DateTime}) = print(io, typeof(dt), "(\"", dt, "\")")
Base._typeinfo_implicit(::Type{Date}) = true
Base._typeinfo_implicit(::Type{DateTime}) = true
function Base.show(io::IO, t::Time)
    get(io, :compact, false) && return print(io, t)
    parts = (hour(t), minute(t), second(t), millisecond(t), microsecond(t), nanosecond(t))
    k = 1
    for i in 1:6
        parts[i] != 0 && (k = i)
    end
    print(io, Time, "(")
    for i in 1:k
        i > 1 && print(io, ", ")
        show(io, parts[i])
    end
    print(io, ")")
end
