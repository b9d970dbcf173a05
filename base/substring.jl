# substring.jl
# What every AbstractString has from its code units (ncodeunits, codeunit, isvalid(s, i), iterate), as Julia's
# string interface defines it, and SubString: a view of a string's code units i:j that shares the parent.

firstindex(s::AbstractString) = 1
lastindex(s::AbstractString) = thisind(s, ncodeunits(s))
isempty(s::AbstractString) = ncodeunits(s) == 0
eltype(::Type{<:AbstractString}) = Char
sizeof(s::AbstractString) = ncodeunits(s) * sizeof(codeunit(s))
codeunit(s::String) = UInt8

checkbounds(::Type{Bool}, s::AbstractString, i::Integer) = 1 <= i <= ncodeunits(s)
checkbounds(::Type{Bool}, s::AbstractString, r::AbstractRange{<:Integer}) =
    isempty(r) || (1 <= minimum(r) && maximum(r) <= ncodeunits(s))
checkbounds(::Type{Bool}, s::AbstractString, v::AbstractVector{<:Integer}) = all(i -> checkbounds(Bool, s, i), v)
checkbounds(s::AbstractString, i) = (checkbounds(Bool, s, i) || throw(BoundsError(s, i)); nothing)

_string_index_err(s, i) = throw(StringIndexError(s, Int(i)))

function getindex(s::AbstractString, i::Integer)
    checkbounds(s, i)
    isvalid(s, i) || _string_index_err(s, i)
    iterate(s, i)[1]
end
getindex(s::AbstractString, ::Colon) = s
getindex(s::String, ::Colon) = s
getindex(s::AbstractString, r::AbstractUnitRange{<:Integer}) = SubString(s, r)
function getindex(s::AbstractString, v::AbstractVector{<:Integer})
    io = IOBuffer()
    for i in v
        print(io, s[i])
    end
    _takestring!(io)
end
getindex(s::AbstractString, v::AbstractVector{Bool}) = throw(ArgumentError("logical indexing not supported for strings"))
getindex(s::String, v::AbstractVector{Bool}) = throw(ArgumentError("logical indexing not supported for strings"))
getindex(s::String, v::Vector{Bool}) = throw(ArgumentError("logical indexing not supported for strings"))

function get(s::AbstractString, i::Integer, default)
    checkbounds(Bool, s, i) || return default
    s[i]
end

# the index of the character that code unit i belongs to (i itself at 0 and at ncodeunits(s) + 1)
thisind(s::AbstractString, i::Integer) = thisind(s, Int(i))
function thisind(s::AbstractString, i::Int)
    z = ncodeunits(s) + 1
    i == z && return i
    0 <= i <= z || throw(BoundsError(s, i))
    while 1 < i && !isvalid(s, i)
        i -= 1
    end
    i
end

prevind(s::AbstractString, i::Integer) = prevind(s, Int(i), 1)
prevind(s::AbstractString, i::Integer, n::Integer) = prevind(s, Int(i), Int(n))
function prevind(s::AbstractString, i::Int, n::Int)
    n < 0 && throw(ArgumentError(string("n cannot be negative: ", n)))
    z = ncodeunits(s) + 1
    0 < i <= z || throw(BoundsError(s, i))
    n == 0 && return thisind(s, i) == i ? i : _string_index_err(s, i)
    while n > 0 && 1 < i
        i -= 1
        isvalid(s, i) && (n -= 1)
    end
    i - n
end
nextind(s::AbstractString, i::Integer) = nextind(s, Int(i), 1)
nextind(s::AbstractString, i::Integer, n::Integer) = nextind(s, Int(i), Int(n))
function nextind(s::AbstractString, i::Int, n::Int)
    n < 0 && throw(ArgumentError(string("n cannot be negative: ", n)))
    z = ncodeunits(s)
    0 <= i <= z || throw(BoundsError(s, i))
    n == 0 && return thisind(s, i) == i ? i : _string_index_err(s, i)
    while n > 0 && i < z
        i += 1
        isvalid(s, i) && (n -= 1)
    end
    i + n
end

length(s::AbstractString) = length(s, 1, ncodeunits(s))
length(s::AbstractString, i::Integer, j::Integer) = length(s, Int(i), Int(j))
# the number of characters that start in code units i:j
function length(s::AbstractString, i::Int, j::Int)
    0 < i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
    0 <= j < ncodeunits(s) + 1 || throw(BoundsError(s, j))
    n = 0
    for k in i:j
        isvalid(s, k) && (n += 1)
    end
    n
end
function length(s::String, i::Int, j::Int)
    0 < i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
    0 <= j < ncodeunits(s) + 1 || throw(BoundsError(s, j))
    j < i && return 0
    n = 0
    for k in i:j
        (codeunit(s, k) & 0xc0) == 0x80 || (n += 1)
    end
    n
end

struct EachStringIndex{T<:AbstractString}
    s::T
end
keys(s::AbstractString) = EachStringIndex(s)
eachindex(s::AbstractString) = EachStringIndex(s)
iterate(e::EachStringIndex, i::Int=1) = i > ncodeunits(e.s) ? nothing : (i, nextind(e.s, i))
length(e::EachStringIndex) = length(e.s)
first(::EachStringIndex) = 1
last(e::EachStringIndex) = lastindex(e.s)
eltype(::Type{<:EachStringIndex}) = Int
collect(e::EachStringIndex) = Int[i for i in e]

function String(s::AbstractString)
    io = IOBuffer()
    for c in s
        print(io, c)
    end
    _takestring!(io)
end
string(s::AbstractString) = s
convert(::Type{String}, s::AbstractString) = String(s)
convert(::Type{T}, s::T) where {T<:AbstractString} = s
print(io::IO, s::AbstractString) = (for c in s; print(io, c); end; nothing)
write(io::IO, s::AbstractString) = (print(io, String(s)); ncodeunits(s))
show(io::IO, s::AbstractString) = show(io, String(s))
Symbol(s::AbstractString) = Symbol(String(s))
hash(s::AbstractString, h::UInt) = hash(String(s), h)

# strings compare character by character
function cmp(a::AbstractString, b::AbstractString)
    a === b && return 0
    x, y = iterate(a), iterate(b)
    while x !== nothing && y !== nothing
        c, d = x[1], y[1]
        c == d || return c < d ? -1 : 1
        x, y = iterate(a, x[2]), iterate(b, y[2])
    end
    x === nothing ? (y === nothing ? 0 : -1) : 1
end
cmp(a::String, b::String) = a === b ? 0 : isless(a, b) ? -1 : 1
(==)(a::AbstractString, b::AbstractString) = cmp(a, b) == 0
isless(a::AbstractString, b::AbstractString) = cmp(a, b) < 0
(<)(a::AbstractString, b::AbstractString) = isless(a, b)

(*)(s1::Union{AbstractChar,AbstractString}, ss::Union{AbstractChar,AbstractString}...) = string(s1, ss...)
function repeat(s::Union{AbstractString,AbstractChar}, n::Integer)
    n > typemax(Int) && throw(OutOfMemoryError())
    repeat(s isa AbstractString ? String(s) : string(s), Int(n))
end
(^)(s::Union{AbstractString,AbstractChar}, n::Integer) = repeat(s, n)

isascii(s::AbstractString) = all(isascii, s)
function isascii(s::String)
    for i in 1:ncodeunits(s)
        codeunit(s, i) < 0x80 || return false
    end
    true
end
isvalid(s::AbstractString) = all(isvalid, s)
isvalid(::Type{String}, s::AbstractString) = isvalid(String(s))
isvalid(c::Char) = true

function first(s::AbstractString, n::Integer)
    n < 0 && throw(ArgumentError(string("Number of characters requested must be non-negative, got ", n)))
    s[1:min(lastindex(s), nextind(s, 0, n))]
end
function last(s::AbstractString, n::Integer)
    n < 0 && throw(ArgumentError(string("Number of characters requested must be non-negative, got ", n)))
    s[max(1, prevind(s, ncodeunits(s) + 1, n)):lastindex(s)]
end
first(s::AbstractString) = s[1]
last(s::AbstractString) = s[lastindex(s)]
reverseind(s::AbstractString, i::Integer) = thisind(s, ncodeunits(s) - i + 1)

"""
    SubString(s, i, j)

The characters of `s` in code units `i:j`, sharing `s`'s storage.
"""
struct SubString{T<:AbstractString} <: AbstractString
    string::T
    offset::Int
    ncodeunits::Int
    function SubString{T}(s::T, i::Int, j::Int) where {T<:AbstractString}
        i <= j || return new(s, 0, 0)
        (1 <= i && j <= ncodeunits(s)) || throw(BoundsError(s, i:j))
        isvalid(s, i) || _string_index_err(s, i)
        isvalid(s, j) || _string_index_err(s, j)
        new(s, i - 1, nextind(s, j) - i)
    end
    # offset and length given directly (code units i+1 to i+j)
    function SubString{T}(s::T, i::Int, j::Int, ::Val{:noshift}) where {T<:AbstractString}
        if !(i == j == 0)
            isvalid(s, i + 1) || _string_index_err(s, i + 1)
            k = prevind(s, j + i + 1)
            isvalid(s, k) || _string_index_err(s, k)
        end
        new(s, i, j)
    end
end
SubString(s::T, i::Int, j::Int) where {T<:AbstractString} = SubString{T}(s, i, j)
SubString(s::T, i::Int, j::Int, v::Val{:noshift}) where {T<:AbstractString} = SubString{T}(s, i, j, v)
SubString(s::AbstractString, i::Integer, j::Integer=lastindex(s)) = SubString(s, Int(i), Int(j))
SubString(s::AbstractString, r::AbstractUnitRange{<:Integer}) = SubString(s, first(r), last(r))
function SubString(s::SubString, i::Int, j::Int)
    i <= j && checkbounds(s, i:j)
    SubString(s.string, s.offset + i, s.offset + j)
end
SubString(s::AbstractString) = SubString(s, 1, lastindex(s))
SubString{T}(s::T) where {T<:AbstractString} = SubString{T}(s, 1, lastindex(s))
SubString{T}(s::AbstractString) where {T<:AbstractString} = SubString{T}(convert(T, s))
view(s::AbstractString, r::AbstractUnitRange{<:Integer}) = SubString(s, r)

convert(::Type{SubString{S}}, s::AbstractString) where {S<:AbstractString} = SubString(convert(S, s))
convert(::Type{SubString{S}}, s::SubString{S}) where {S<:AbstractString} = s

String(s::SubString{String}) = ccall(:jl_substring, String, (String, Int, Int), s.string, s.offset + 1, s.offset + s.ncodeunits)
string(s::SubString{String}) = String(s)
ncodeunits(s::SubString) = s.ncodeunits
codeunit(s::SubString) = codeunit(s.string)
length(s::SubString) = s.ncodeunits == 0 ? 0 : length(s.string, s.offset + 1, s.offset + s.ncodeunits)
function codeunit(s::SubString, i::Integer)
    checkbounds(s, i)
    codeunit(s.string, s.offset + i)
end
function iterate(s::SubString, i::Integer=1)
    i == ncodeunits(s) + 1 && return nothing
    checkbounds(s, i)
    y = iterate(s.string, s.offset + i)
    y === nothing && return nothing
    (y[1], y[2] - s.offset)
end
function getindex(s::SubString, i::Integer)
    checkbounds(s, i)
    s.string[s.offset + i]
end
isvalid(s::SubString, i::Integer) = checkbounds(Bool, s, i) && isvalid(s.string, s.offset + i)
parent(s::SubString) = s.string
parentindices(s::SubString) = (s.offset + 1:thisind(s.string, s.offset + s.ncodeunits),)
(==)(a::Union{String,SubString{String}}, b::Union{String,SubString{String}}) =
    ncodeunits(a) == ncodeunits(b) && String(a) === String(b)
cmp(a::Union{String,SubString{String}}, b::Union{String,SubString{String}}) = cmp(String(a), String(b))
isless(a::Union{String,SubString{String}}, b::Union{String,SubString{String}}) = isless(String(a), String(b))
hash(s::SubString{String}, h::UInt) = hash(String(s), h)
print(io::IO, s::SubString{String}) = write(io, String(s))
write(io::IO, s::SubString{String}) = write(io, String(s))
isascii(s::SubString{String}) = isascii(String(s))
isvalid(s::SubString{String}) = isvalid(String(s))
repeat(s::SubString{String}, n::Integer) = repeat(String(s), Int(n))
Symbol(s::SubString{String}) = Symbol(String(s))

# what Base does to a String, any other string gets through a String copy
uppercase(s::AbstractString) = uppercase(String(s))
lowercase(s::AbstractString) = lowercase(String(s))
# (a String with no method of its own has none here either)
function parse(::Type{T}, s::AbstractString; kws...) where {T}
    s isa String && throw(MethodError(parse, (T, s)))
    isempty(kws) ? parse(T, String(s)) : parse(T, String(s); kws...)
end
function tryparse(::Type{T}, s::AbstractString; kws...) where {T}
    s isa String && throw(MethodError(tryparse, (T, s)))
    isempty(kws) ? tryparse(T, String(s)) : tryparse(T, String(s); kws...)
end
collect(s::AbstractString) = Char[c for c in s]
count(f, s::AbstractString) = count(f, collect(s))
filter(f, s::AbstractString) = String(filter(f, collect(s)))
map(f, s::AbstractString) = map(f, String(s))
reverse(s::AbstractString) = reverse(String(s))
