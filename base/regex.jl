# Regex literals r"..." backed by the runtime's regular expressions.
struct Regex
    pattern::String
    flags::String
end
Regex(p::String) = Regex(p, "")
macro r_str(p, flags...)
    Regex(p, length(flags) == 0 ? "" : flags[1])
end
# raw"..." : the lexer already kept backslashes and dollars as written
macro raw_str(s)
    s
end
struct RegexMatch
    match::String
    captures::Vector{Union{Nothing,String}}
    offset::Int
end
occursin(r::Regex, s::String) = ccall(:jl_regex_test, Bool, (String, String, String), r.pattern, r.flags, s)
function _regexmatch(t)
    caps = Vector{Union{Nothing,String}}(undef, length(t[2]))
    for i in 1:length(t[2])
        caps[i] = t[2][i]
    end
    RegexMatch(t[1], caps, t[3])
end
function match(r::Regex, s::String)
    t = ccall(:jl_regex_match, Any, (String, String, String), r.pattern, r.flags, s)
    t === nothing ? nothing : _regexmatch(t)
end
eachmatch(r::Regex, s::String) = [_regexmatch(t) for t in ccall(:jl_regex_matchall, Any, (String, String, String), r.pattern, r.flags, s)]
getindex(m::RegexMatch, i::Int) = m.captures[i]
show(io::IO, r::Regex) = (write(io, "r\""); write(io, r.pattern); write(io, "\""); write(io, r.flags))
# bytes and escapes: String(::Vector{UInt8}) takes the vector's bytes (leaving it empty, as Julia does), codeunits
# gives a string's bytes as a new vector, unescape_string undoes Julia's backslash escapes, b"..." is those bytes
function String(v::Vector{UInt8})
    s = ccall(:jl_bytes_string, String, (Any,), v)
    resize!(v, 0)
    s
end
codeunits(s::String) = ccall(:jl_string_bytes, Any, (String,), s)::Vector{UInt8}
Vector{UInt8}(s::String) = codeunits(s)
_hexval(c::UInt8) = c <= 0x39 ? Int(c) - 48 : c <= 0x46 ? Int(c) - 55 : Int(c) - 87
function unescape_string(s::String)
    b = codeunits(s)
    n = length(b)
    out = UInt8[]
    i = 1
    while i <= n
        c = b[i]
        if c != 0x5c || i == n
            push!(out, c)
            i += 1
            continue
        end
        e = b[i + 1]
        i += 2
        if e == 0x78 || e == 0x75 || e == 0x55   # \x \u \U
            m = e == 0x78 ? 2 : e == 0x75 ? 4 : 8
            v = 0
            k = 0
            while k < m && i <= n && isxdigit(Char(b[i]))
                v = 16v + _hexval(b[i])
                i += 1
                k += 1
            end
            if e == 0x78
                push!(out, UInt8(v))
            else
                append!(out, codeunits(string(Char(v))))
            end
        elseif 0x30 <= e <= 0x37                  # octal
            v = Int(e) - 48
            k = 1
            while k < 3 && i <= n && 0x30 <= b[i] <= 0x37
                v = 8v + (Int(b[i]) - 48)
                i += 1
                k += 1
            end
            push!(out, UInt8(v))
        else
            push!(out, e == 0x6e ? 0x0a : e == 0x74 ? 0x09 : e == 0x72 ? 0x0d : e == 0x61 ? 0x07 :
                       e == 0x62 ? 0x08 : e == 0x66 ? 0x0c : e == 0x76 ? 0x0b : e == 0x65 ? 0x1b : e)
        end
    end
    String(out)
end
macro b_str(s)
    :(codeunits($(unescape_string(s))))
end

# s"...": a replacement that names the match's groups, \0 (the whole match), \1, \g<1>, \g<name>; \\ is a backslash
struct SubstitutionString{T<:AbstractString} <: AbstractString
    string::T
end
ncodeunits(s::SubstitutionString) = ncodeunits(s.string)
codeunit(s::SubstitutionString) = codeunit(s.string)
codeunit(s::SubstitutionString, i::Integer) = codeunit(s.string, i)
isvalid(s::SubstitutionString, i::Integer) = isvalid(s.string, i)
iterate(s::SubstitutionString, i::Integer=1) = iterate(s.string, i)
macro s_str(s)
    SubstitutionString(s)
end
show(io::IO, s::SubstitutionString) = (write(io, "s"); show(io, s.string))
# the replacement text: with `whole` (a string pattern's match) the groups are filled in here; without it they become
# the runtime's regex replacement syntax ($&, $1, $<name>; a literal $ is $$)
function _expand_subst(r::String, whole)
    b = codeunits(r)
    n = length(b)
    out = IOBuffer()
    i = 1
    while i <= n
        c = b[i]
        if c == 0x24 && whole === nothing     # $
            write(out, "\$\$")
            i += 1
        elseif c == 0x5c && i < n                # backslash
            e = b[i + 1]
            if 0x30 <= e <= 0x39
                j = i + 1
                while j <= n && 0x30 <= b[j] <= 0x39
                    j += 1
                end
                g = String(b[i+1:j-1])
                write(out, whole === nothing ? (g == "0" ? "\$&" : "\$" * g) : (g == "0" ? whole : ""))
                i = j
            elseif e == 0x67 && i + 2 <= n && b[i + 2] == 0x3c   # \g<...>
                j = i + 3
                while j <= n && b[j] != 0x3e
                    j += 1
                end
                g = String(b[i+3:j-1])
                isnum = all(isdigit, g)
                write(out, whole === nothing ? (g == "0" ? "\$&" : isnum ? "\$" * g : "\$<" * g * ">") : (g == "0" ? whole : ""))
                i = j + 1
            elseif e == 0x5c
                write(out, "\\")
                i += 2
            else
                write(out, unescape_string(String(b[i:i+1])))
                i += 2
            end
        else
            write(out, String(b[i:i]))
            i += 1
        end
    end
    _takestring!(out)
end
