# String: UTF-8 bytes; indexing is by byte, iteration is by Char.
ncodeunits(s::String) = Core.sizeof(s)
sizeof(s::String) = Core.sizeof(s)
sizeof(x) = Core.sizeof(x)   # bits types and their values
codeunit(s::String, i::Int) = ccall(:jl_codeunit, UInt8, (String, Int), s, i)
function iterate(s::String, i::Int=1)
    i > ncodeunits(s) && return nothing
    ccall(:jl_next_char, Any, (String, Int), s, i)::Tuple{Char, Int}
end
length(s::String) = ccall(:jl_string_length, Int, (String,), s)
firstindex(s::String) = 1
lastindex(s::String) = ncodeunits(s) == 0 ? 0 : _thisind(s, ncodeunits(s))
function _thisind(s::String, i::Int)
    while i > 1 && !ccall(:jl_is_char_start, Bool, (String, Int), s, i)
        i -= 1
    end
    i
end
isvalid(s::String, i::Int) = 1 <= i <= ncodeunits(s) && ccall(:jl_is_char_start, Bool, (String, Int), s, i)
isvalid(s::String) = ccall(:jl_isvalid_utf8, Bool, (String,), s)
function getindex(s::String, i::Int)
    (1 <= i <= ncodeunits(s)) || throw(BoundsError(s, i))
    isvalid(s, i) || throw(StringIndexError(s, i))
    (ccall(:jl_next_char, Any, (String, Int), s, i)::Tuple{Char, Int})[1]
end
function nextind(s::String, i::Int)
    i == 0 && return 1
    n = ncodeunits(s)
    1 <= i <= n || throw(BoundsError(s, i))
    isvalid(s, i) && return (ccall(:jl_next_char, Any, (String, Int), s, i)::Tuple{Char, Int})[2]
    i += 1
    while i <= n && !isvalid(s, i)
        i += 1
    end
    i
end
function prevind(s::String, i::Int)
    1 <= i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
    _thisind(s, i - 1)
end
function thisind(s::String, i::Int)
    n = ncodeunits(s)
    i == n + 1 && return i
    0 <= i <= n || throw(BoundsError(s, i))
    _thisind(s, i)
end
eltype(::Type{String}) = Char
function getindex(s::String, r::AbstractUnitRange{<:Integer})
    isempty(r) && return ""
    i, j = Int(first(r)), Int(last(r))
    (1 <= i && j <= ncodeunits(s)) || throw(BoundsError(s, r))
    isvalid(s, i) || throw(StringIndexError(s, i))
    isvalid(s, j) || throw(StringIndexError(s, j))
    ccall(:jl_substring, String, (String, Int, Int), s, i, nextind(s, j) - 1)
end
(==)(a::String, b::String) = a === b
isless(a::String, b::String) = ccall(:jl_string_lt, Bool, (String, String), a, b)
(<)(a::String, b::String) = isless(a, b)
function (^)(s::Union{String,Char}, n::Int)
    n < 0 && throw(ArgumentError(string("can't repeat a ", s isa Char ? "character " : "string ", n, " times")))
    t = string(s)
    # beyond what one JS string can hold
    n > 0 && ncodeunits(t) > div(536870888, n) && throw(OutOfMemoryError())
    ccall(:jl_string_repeat, String, (String, Int), t, n)
end
repeat(s::Union{String,Char}, n::Int) = s^n
uppercase(s::String) = ccall(:jl_uppercase, String, (String,), s)
lowercase(s::String) = ccall(:jl_lowercase, String, (String,), s)
uppercase(c::Char) = ccall(:jl_char_upper, Char, (Char,), c)
lowercase(c::Char) = ccall(:jl_char_lower, Char, (Char,), c)
isletter(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "letter")
isdigit(c::Char) = '0' <= c <= '9'
isxdigit(c::Char) = isdigit(c) || 'a' <= c <= 'f' || 'A' <= c <= 'F'
isspace(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "space")
isuppercase(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "upper")
islowercase(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "lower")
ispunct(c::Char) = ccall(:jl_char_class, Bool, (Char, String), c, "punct")
isascii(c::Char) = Int(c) < 128
isempty(s::String) = ncodeunits(s) == 0
function reverse(s::String)
    io = IOBuffer()
    cs = collect(s)
    for i in length(cs):-1:1
        print(io, cs[i])
    end
    _takestring!(io)
end
function join(xs, delim="")
    io = IOBuffer()
    join(io, xs, delim)
    _takestring!(io)
end
function join(io::IO, xs, delim="")
    first = true
    for x in xs
        first || print(io, delim)
        print(io, x)
        first = false
    end
    nothing
end
function parse(::Type{Float64}, s::String)
    r = ccall(:jl_parse_float, Any, (String,), s)
    r === nothing && throw(ArgumentError("cannot parse \"$s\" as Float64"))
    r
end
tryparse(::Type{Float64}, s::String) = ccall(:jl_parse_float, Any, (String,), s)
# Float32 through Float64 (a decimal string nearest to a Float32 rounds to it)
function parse(::Type{Float32}, s::String)
    r = ccall(:jl_parse_float, Any, (String,), s)
    r === nothing && throw(ArgumentError("cannot parse \"$s\" as Float32"))
    Float32(r)
end
tryparse(::Type{Float32}, s::String) = (r = ccall(:jl_parse_float, Any, (String,), s); r === nothing ? nothing : Float32(r))
string(n::Integer; base::Integer=10, pad::Integer=1) = ccall(:jl_int_string, String, (Any, Int, Int), n, Int(base), Int(pad))
# a Bool is an Integer, but prints as a word
string(b::Bool) = b ? "true" : "false"
function Symbol(s::String)
    ccall(:jl_search, Int, (String, String, Int), s, "\0", 1) > 0 && throw(ArgumentError("Symbol name may not contain \\0"))
    ccall(:jl_symbol, Any, (String,), s)
end
Symbol(xs...) = Symbol(string(xs...))
String(s::Symbol) = ccall(:jl_symbol_name, String, (Any,), s)

