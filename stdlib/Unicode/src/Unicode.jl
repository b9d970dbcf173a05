# The Unicode standard library, written in Jolt: normalization (normal forms, case folding, stripping marks),
# grapheme clusters and assigned code points, with the Unicode tables of the runtime.
module Unicode

export graphemes, isequal_normalized

# option bits understood by the runtime's jl_unicode_map
const COMPAT = 1
const DECOMPOSE = 2
const CASEFOLD = 4
const STRIPMARK = 8
const STRIPIGNORE = 16
const STRIPCC = 32
const NEWLINE2LF = 64
const NEWLINE2LS = 128
const NEWLINE2PS = 256
const REJECTNA = 512

function unicode_map(s::AbstractString, flags::Int)
    r = ccall(:jl_unicode_map, Any, (String, Int), String(s), flags)
    r === nothing && error("Unassigned Unicode code point found in UTF-8 string.")
    return r::String
end

"""
    Unicode.normalize(s::AbstractString; keywords...)
    Unicode.normalize(s::AbstractString, normalform::Symbol)

The string `s` in a normal form: `:NFC` (canonical composition, what the keywords give by default), `:NFD`
(canonical decomposition), `:NFKC` or `:NFKD` (compatibility forms). The keywords `compose`, `decompose`,
`compat`, `casefold`, `stripmark`, `stripignore`, `stripcc`, `newline2lf`, `newline2ls`, `newline2ps`,
`rejectna` and `stable` choose the transformations; `chartransform` maps each character first.
"""
function normalize(s::AbstractString, nf::Symbol)
    nf === :NFC && return unicode_map(s, 0)
    nf === :NFD && return unicode_map(s, DECOMPOSE)
    nf === :NFKC && return unicode_map(s, COMPAT)
    nf === :NFKD && return unicode_map(s, COMPAT | DECOMPOSE)
    throw(ArgumentError(":$nf is not one of :NFC, :NFD, :NFKC, :NFKD"))
end

function normalize(s::AbstractString; stable::Bool=false, compat::Bool=false, compose::Bool=true,
                   decompose::Bool=false, stripignore::Bool=false, rejectna::Bool=false, newline2ls::Bool=false,
                   newline2ps::Bool=false, newline2lf::Bool=false, stripcc::Bool=false, casefold::Bool=false,
                   lump::Bool=false, stripmark::Bool=false, chartransform=identity)
    flags = 0
    compat && (flags |= COMPAT)
    if decompose
        flags |= DECOMPOSE
    elseif !compose && (compat || stripmark)
        throw(ArgumentError("compat=true or stripmark=true require compose=true or decompose=true"))
    elseif !compose
        # neither composing nor decomposing: only the other transformations, on the characters as they are
        flags |= DECOMPOSE
    end
    newline2ls + newline2ps + newline2lf > 1 && throw(ArgumentError("only one newline conversion may be specified"))
    lump && throw(ArgumentError("lump=true is not supported by Jolt"))
    stripignore && (flags |= STRIPIGNORE)
    rejectna && (flags |= REJECTNA)
    newline2ls && (flags |= NEWLINE2LS)
    newline2ps && (flags |= NEWLINE2PS)
    newline2lf && (flags |= NEWLINE2LF)
    stripcc && (flags |= STRIPCC)
    casefold && (flags |= CASEFOLD)
    stripmark && (flags |= STRIPMARK)
    if chartransform !== identity
        s = join([chartransform(c) for c in s])
    end
    return unicode_map(s, flags)
end

# characters the Julia parser reads as others, beyond NFC: open e, micro, middle dots, minus, hbar
const JULIA_CHARMAP = Dict{UInt32,UInt32}(0x025B => 0x03B5, 0x00B5 => 0x03BC, 0x00B7 => 0x22C5, 0x0387 => 0x22C5,
                                          0x2212 => 0x002D, 0x210F => 0x0127)

"""
    Unicode.julia_chartransform(c::Union{Char,Integer})

The character (or code point) that Julia's parser takes `c` for, such as `'μ'` for the micro sign `'µ'`; other
characters map to themselves. Pass it as `chartransform` to `Unicode.normalize` to normalize as identifiers are.
"""
julia_chartransform(codepoint::UInt32) = get(JULIA_CHARMAP, codepoint, codepoint)
julia_chartransform(codepoint::Integer) = julia_chartransform(UInt32(codepoint))
julia_chartransform(c::Char) = Char(julia_chartransform(UInt32(c)))

"""
    Unicode.isassigned(c) -> Bool

Whether the character or integer code point `c` is assigned a meaning by the Unicode standard.
"""
isassigned(c::Char) = isassigned(Int(c))
isassigned(c::Integer) = ccall(:jl_isassigned_codepoint, Bool, (Int,), Int(c))

"""
    graphemes(s::AbstractString) -> GraphemeIterator
    graphemes(s::AbstractString, m:n)

The extended grapheme clusters of `s` (UAX #29): what a reader takes for single characters, such as a letter
with its combining accents. With a range, the string of clusters `m` through `n`.
"""
struct GraphemeIterator
    s::String
end

graphemes(s::AbstractString) = GraphemeIterator(String(s))
function graphemes(s::AbstractString, r::UnitRange{Int})
    parts = clusters(String(s))
    (first(r) < 1 || last(r) > length(parts)) && !isempty(r) && throw(BoundsError(s, r))
    return join(parts[r])
end

clusters(s::String) = ccall(:jl_graphemes, Any, (String,), s)::Vector{String}

Base.length(g::GraphemeIterator) = length(clusters(g.s))
Base.eltype(::Type{GraphemeIterator}) = String
Base.iterate(g::GraphemeIterator) = iterate(g, (clusters(g.s), 1))
Base.iterate(g::GraphemeIterator, state) = state[2] > length(state[1]) ? nothing : (state[1][state[2]], (state[1], state[2] + 1))
Base.show(io::IO, g::GraphemeIterator) = print(io, "length-", length(g), " GraphemeIterator{String} for \"", g.s, "\"")

"""
    isequal_normalized(s1::AbstractString, s2::AbstractString; casefold=false, stripmark=false, chartransform=identity)

Whether `s1` and `s2` are canonically equivalent: equal once both are decomposed, and optionally case-folded or
stripped of their combining marks.
"""
function isequal_normalized(s1::AbstractString, s2::AbstractString; casefold::Bool=false, stripmark::Bool=false,
                            chartransform=identity)
    n(s) = normalize(s; decompose=true, casefold=casefold, stripmark=stripmark, chartransform=chartransform)
    return n(s1) == n(s2)
end

end # module
