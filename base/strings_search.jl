# strings_search.jl
# Searching any AbstractString (findnext/findprev/findfirst/findlast/findall/occursin for a predicate, a character, a
# string or a regex; indices are code-unit indices) and what is built on it: strip, split/rsplit and their lazy
# forms eachsplit/eachrsplit, replace with one or more patterns, startswith/endswith, chop and friends.

const _Chars = Union{AbstractChar,Tuple{Vararg{AbstractChar}},AbstractVector{<:AbstractChar},Set{<:AbstractChar}}
const _CharEq = Union{Fix2{typeof(==),<:AbstractChar},Fix2{typeof(isequal),<:AbstractChar}}

# ---- a predicate on characters
function findnext(f::Function, s::AbstractString, i::Integer)
    i = Int(i)
    z = ncodeunits(s) + 1
    1 <= i <= z || throw(BoundsError(s, i))
    i == z || isvalid(s, i) || _string_index_err(s, i)
    e = lastindex(s)
    while i <= e
        f(s[i]) && return i
        i = nextind(s, i)
    end
    nothing
end
function findprev(f::Function, s::AbstractString, i::Integer)
    i = Int(i)
    z = ncodeunits(s) + 1
    0 <= i <= z || throw(BoundsError(s, i))
    i == z && return nothing
    i == 0 || isvalid(s, i) || _string_index_err(s, i)
    while i >= 1
        f(s[i]) && return i
        i = prevind(s, i)
    end
    nothing
end
# looking back for a character from inside another starts at the character holding index i (as Julia's String does)
function findprev(f::_CharEq, s::Union{String,SubString{String}}, i::Integer)
    i = Int(i)
    (i == 0 || i == ncodeunits(s) + 1) && return nothing
    1 <= i <= ncodeunits(s) || throw(BoundsError(s, i))
    i = thisind(s, i)
    while i >= 1
        f(s[i]) && return i
        i = prevind(s, i)
    end
    nothing
end
findfirst(f::Function, s::AbstractString) = findnext(f, s, 1)
findlast(f::Function, s::AbstractString) = findprev(f, s, lastindex(s))
findall(f::Function, s::AbstractString) = Int[i for i in eachindex(s) if f(s[i])]
findnext(c::AbstractChar, s::AbstractString, i::Integer) = findnext(==(c), s, i)
findprev(c::AbstractChar, s::AbstractString, i::Integer) = findprev(==(c), s, i)
findfirst(c::AbstractChar, s::AbstractString) = findfirst(==(c), s)
findlast(c::AbstractChar, s::AbstractString) = findlast(==(c), s)
in(c::AbstractChar, s::AbstractString) = findfirst(isequal(c), s) !== nothing
in(::AbstractString, ::AbstractString) = error("use occursin(needle, haystack) for string containment")

# ---- a string: the range of code units it occupies
# the first index k >= i where t starts in s (0 if none); t empty: i itself
function _searchindex(s::AbstractString, t::AbstractString, i::Int)
    if isempty(t)
        1 <= i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
        return i
    end
    (s isa Union{String,SubString{String}} && t isa Union{String,SubString{String}}) &&
        return _searchindex_bytes(String(s), String(t), i)
    t1 = t[1]
    t2 = nextind(t, 1)
    while true
        k = findnext(isequal(t1), s, i)
        k === nothing && return 0
        a, b = nextind(s, k), t2
        while true
            b > ncodeunits(t) && return k
            a > ncodeunits(s) && return 0
            s[a] == t[b] || break
            a, b = nextind(s, a), nextind(t, b)
        end
        i = nextind(s, k)
    end
end
function _searchindex_bytes(s::String, t::String, i::Int)
    1 <= i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
    i > ncodeunits(s) && return 0
    ccall(:jl_search, Int, (String, String, Int), s, t, i)
end
# the last index k where t starts and its last character starts at or before i (0 if none)
function _rsearchindex(s::AbstractString, t::AbstractString, i::Int)
    n = ncodeunits(s)
    if isempty(t)
        0 <= i <= n + 1 || throw(BoundsError(s, i))
        return i > n ? 0 : i == 0 ? 1 : i
    end
    0 <= i <= n + 1 || throw(BoundsError(s, i))
    if s isa Union{String,SubString{String}} && t isa Union{String,SubString{String}}
        j = i <= n ? (i == 0 ? 0 : nextind(s, i) - 1) : n
        k = j - ncodeunits(t) + 1
        k < 1 && return 0
        return ccall(:jl_rsearch, Int, (String, String, Int), String(s), String(t), k)
    end
    l = lastindex(t)
    k = i == n + 1 ? n : i
    while true
        k = findprev(isequal(t[l]), s, k)
        k === nothing && return 0
        a, b = k, l
        ok = true
        while b > 1
            b = prevind(t, b)
            a = prevind(s, a)
            if a < 1 || s[a] != t[b]
                ok = false
                break
            end
        end
        ok && return a
        k = prevind(s, k)
        k < 1 && return 0
    end
end
function findnext(t::AbstractString, s::AbstractString, i::Integer)
    k = _searchindex(s, t, Int(i))
    isempty(t) ? (k:k-1) : k == 0 ? nothing : (k:k+lastindex(t)-1)
end
function findprev(t::AbstractString, s::AbstractString, i::Integer)
    k = _rsearchindex(s, t, Int(i))
    isempty(t) ? (k:k-1) : k == 0 ? nothing : (k:k+lastindex(t)-1)
end
findfirst(t::AbstractString, s::AbstractString) = findnext(t, s, 1)
findlast(t::AbstractString, s::AbstractString) = findprev(t, s, lastindex(s))
occursin(t::AbstractString, s::AbstractString) = _searchindex(s, t, 1) != 0
occursin(c::AbstractChar, s::AbstractString) = c in s
occursin(s) = Fix2(occursin, s)
# every occurrence (overlapping ones too with overlap=true)
function findall(t::Union{AbstractString,Regex}, s::AbstractString; overlap::Bool=false)
    found = UnitRange{Int}[]
    i, e = 1, lastindex(s)
    while true
        r = findnext(t, s, i)
        r === nothing && break
        push!(found, r)
        j = overlap || isempty(r) ? first(r) : last(r)
        j > e && break
        i = nextind(s, j)
    end
    found
end

# ---- a regex (the runtime's regular expressions; the haystack as a String)
Regex(c::AbstractChar) = Regex(_regex_escape(string(c)))
function _regex_escape(s::String)
    io = IOBuffer()
    for c in s
        c in "\\^\$.|?*+()[]{}/" && print(io, '\\')
        print(io, c)
    end
    _takestring!(io)
end
function findnext(r::Regex, s::AbstractString, i::Integer)
    i = Int(i)
    1 <= i <= ncodeunits(s) + 1 || throw(BoundsError(s, i))
    t = ccall(:jl_regex_find, Any, (String, String, String, Int), r.pattern, r.flags, String(s), i)
    t === nothing && return nothing
    t[2] < t[1] ? (t[1]:t[2]) : (t[1]:thisind(s, t[2]))
end
findfirst(r::Regex, s::AbstractString) = findnext(r, s, 1)
occursin(r::Regex, s::AbstractString) = occursin(r, String(s))
match(r::Regex, s::AbstractString) = match(r, String(s))

# ---- prefixes and suffixes
function startswith(s::AbstractString, p::AbstractString)
    a, b = iterate(s), iterate(p)
    while b !== nothing
        (a === nothing || a[1] != b[1]) && return false
        a, b = iterate(s, a[2]), iterate(p, b[2])
    end
    true
end
startswith(s::Union{String,SubString{String}}, p::Union{String,SubString{String}}) =
    ncodeunits(p) <= ncodeunits(s) && String(SubString(s, 1, thisind(s, ncodeunits(p)))) == String(p) &&
    nextind(s, thisind(s, ncodeunits(p))) == ncodeunits(p) + 1
function endswith(s::AbstractString, p::AbstractString)
    a, b = lastindex(s), lastindex(p)
    while b >= 1
        (a < 1 || s[a] != p[b]) && return false
        a, b = prevind(s, a), prevind(p, b)
    end
    true
end
startswith(s::AbstractString, c::_Chars) = !isempty(s) && first(s) in c
endswith(s::AbstractString, c::_Chars) = !isempty(s) && last(s) in c
startswith(s::AbstractString, r::Regex) = (k = findnext(r, s, 1); k !== nothing && first(k) == 1)
endswith(s::AbstractString, r::Regex) = occursin(Regex(string("(?:", r.pattern, ")\$"), r.flags), s)
startswith(p) = Fix2(startswith, p)
endswith(p) = Fix2(endswith, p)
contains(s::AbstractString, needle) = occursin(needle, s)
contains(needle) = Fix2(contains, needle)

function chopprefix(s::AbstractString, p::Union{AbstractString,AbstractChar})
    p isa AbstractChar && (p = string(p))
    startswith(s, p) || return SubString(s)
    SubString(s, nextind(s, _prefix_end(s, p)))
end
_prefix_end(s, p) = (k = 0; for _ in p; k = nextind(s, k); end; k)
function chopsuffix(s::AbstractString, p::Union{AbstractString,AbstractChar})
    p isa AbstractChar && (p = string(p))
    endswith(s, p) || return SubString(s)
    k = ncodeunits(s) + 1
    for _ in p
        k = prevind(s, k)
    end
    SubString(s, 1, prevind(s, k))
end
function chop(s::AbstractString; head::Integer=0, tail::Integer=1)
    head < 0 && throw(ArgumentError(string("n cannot be negative: ", head)))
    tail < 0 && throw(ArgumentError(string("n cannot be negative: ", tail)))
    if isempty(s)
        return SubString(s)
    end
    SubString(s, nextind(s, 1, head), prevind(s, lastindex(s), tail))
end
function chomp(s::AbstractString)
    e = lastindex(s)
    e >= 1 && s[e] == '\n' || return SubString(s)
    (e >= 2 && s[prevind(s, e)] == '\r') ? SubString(s, 1, prevind(s, e, 2)) : SubString(s, 1, prevind(s, e))
end

# ---- strip
function lstrip(f, s::AbstractString)
    e = lastindex(s)
    i = 1
    while i <= e
        f(s[i]) || return SubString(s, i, e)
        i = nextind(s, i)
    end
    SubString(s, e + 1, e)
end
function rstrip(f, s::AbstractString)
    i = lastindex(s)
    while i >= 1
        f(s[i]) || return SubString(s, 1, i)
        i = prevind(s, i)
    end
    SubString(s, 1, 0)
end
strip(f, s::AbstractString) = lstrip(f, rstrip(f, s))
lstrip(s::AbstractString) = lstrip(isspace, s)
rstrip(s::AbstractString) = rstrip(isspace, s)
strip(s::AbstractString) = lstrip(rstrip(s))
lstrip(s::AbstractString, chars::_Chars) = lstrip(in(chars), s)
rstrip(s::AbstractString, chars::_Chars) = rstrip(in(chars), s)
strip(s::AbstractString, chars::_Chars) = lstrip(rstrip(s, chars), chars)
const _STRIP_ARGS_MSG = "Both arguments are strings. The second argument should be a `Char` or collection of `Char`s"
lstrip(::AbstractString, ::AbstractString) = throw(ArgumentError(_STRIP_ARGS_MSG))
rstrip(::AbstractString, ::AbstractString) = throw(ArgumentError(_STRIP_ARGS_MSG))
strip(::AbstractString, ::AbstractString) = throw(ArgumentError(_STRIP_ARGS_MSG))

# ---- split: eachsplit/eachrsplit iterate the pieces (SubStrings of the parent), split/rsplit collect them
_splitter(d) = d
_splitter(d::AbstractChar) = isequal(d)
_splitter(d::Union{Tuple{Vararg{AbstractChar}},AbstractVector{<:AbstractChar},Set{<:AbstractChar}}) = in(d)
_substring_type(::Type{T}) where {T} = SubString{T}
_substring_type(::Type{SubString{T}}) where {T} = SubString{T}

struct SplitIterator{S<:AbstractString,F}
    str::S
    splitter::F
    limit::Int
    keepempty::Bool
end
eltype(::Type{SplitIterator{S,F}}) where {S,F} = _substring_type(S)
IteratorSize(::Type{<:SplitIterator}) = SizeUnknown()
# state: (start of the next piece, where to search from, pieces given so far)
function iterate(it::SplitIterator, state=(1, 1, 0))
    i, k, n = state
    s = it.str
    i - 1 > ncodeunits(s) && return nothing
    r = findnext(it.splitter, s, k)
    while r !== nothing && n != it.limit - 1 && first(r) <= ncodeunits(s)
        j = first(r)
        k = nextind(s, last(r))
        k2 = k <= j ? nextind(s, j) : k
        if i < k
            piece = SubString(s, i, prevind(s, j))
            (it.keepempty || i < j) && return (piece, (k, k2, n + 1))
            i = k
        end
        k = k2
        r = findnext(it.splitter, s, k)
    end
    it.keepempty || i <= ncodeunits(s) || return nothing
    (SubString(s, i), (ncodeunits(s) + 2, k, n + 1))
end
function collect(it::SplitIterator)
    out = eltype(typeof(it))[]
    for x in it
        push!(out, x)
    end
    out
end

struct RSplitIterator{S<:AbstractString,F}
    str::S
    splitter::F
    limit::Int
    keepempty::Bool
end
eltype(::Type{RSplitIterator{S,F}}) where {S,F} = _substring_type(S)
IteratorSize(::Type{<:RSplitIterator}) = SizeUnknown()
# state: (end of the next piece, splits left)
function iterate(it::RSplitIterator, state=(lastindex(it.str), it.limit - 1))
    to, left = state
    s = it.str
    to < 0 && return nothing
    from = 1
    next_to = -1
    while left != 0
        pos = findprev(it.splitter, s, to)
        if pos === nothing
            from = 1
            next_to = -1
            break
        end
        from = nextind(s, last(pos))
        next_to = (isempty(pos) && to < 2) ? -1 : prevind(s, first(pos))
        if from > to && !it.keepempty
            to = next_to
            continue
        end
        break
    end
    from > to && !it.keepempty && return nothing
    (SubString(s, from, to), (next_to, left - 1))
end
function collect(it::RSplitIterator)
    out = eltype(typeof(it))[]
    for x in it
        push!(out, x)
    end
    out
end

eachsplit(s::AbstractString, d; limit::Integer=0, keepempty::Bool=true) =
    SplitIterator(s, _splitter(d), Int(limit), keepempty)
eachsplit(s::AbstractString; limit::Integer=0, keepempty::Bool=false) = eachsplit(s, isspace; limit=limit, keepempty=keepempty)
eachrsplit(s::AbstractString, d; limit::Integer=0, keepempty::Bool=true) =
    RSplitIterator(s, _splitter(d), Int(limit), keepempty)
eachrsplit(s::AbstractString; limit::Integer=0, keepempty::Bool=false) = eachrsplit(s, isspace; limit=limit, keepempty=keepempty)
split(s::AbstractString, d; limit::Integer=0, keepempty::Bool=true) = collect(eachsplit(s, d; limit=limit, keepempty=keepempty))
split(s::AbstractString; limit::Integer=0, keepempty::Bool=false) = split(s, isspace; limit=limit, keepempty=keepempty)
rsplit(s::AbstractString, d; limit::Integer=0, keepempty::Bool=true) =
    reverse!(collect(eachrsplit(s, d; limit=limit, keepempty=keepempty)))
rsplit(s::AbstractString; limit::Integer=0, keepempty::Bool=false) = rsplit(s, isspace; limit=limit, keepempty=keepempty)

# Iterators.partition of a string: SubStrings of n characters
function iterate(p::Iterators.PartitionIterator{<:AbstractString}, i::Int=1)
    i > ncodeunits(p.c) && return nothing
    j = min(nextind(p.c, i, p.n - 1), lastindex(p.c))
    (SubString(p.c, i, j), nextind(p.c, j))
end

# ---- replace: the string is scanned once; at each point the earliest match of any pattern is replaced (the first
# pattern given wins a tie), and an empty match replaces nothing but inserts the replacement
_pat_finder(x) = x
_pat_finder(x::AbstractChar) = isequal(x)
_pat_finder(x::Union{Tuple{Vararg{AbstractChar}},AbstractVector{<:AbstractChar},Set{<:AbstractChar}}) = in(x)
_as_range(r::Integer) = r:r
_as_range(r) = r
function _find_or_end(p, s, k::Int, e1::Int)
    k > e1 && return (e1 + 1):0
    r = findnext(p, s, k)
    (r === nothing || first(r) == 0) ? ((e1 + 1):0) : _as_range(r)
end
_replacement(io, rep::Union{AbstractString,AbstractChar}, s, r, p) = print(io, rep)
_replacement(io, rep, s, r, p) = print(io, rep)
_replacement(io, rep::Function, s, r, p) = print(io, rep(SubString(s, first(r), last(r))))
_replacement(io, rep::Function, s, r, p::Function) = print(io, rep(s[first(r)]))
function _replacement(io, rep::SubstitutionString, s, r, p::Regex)
    m = String(SubString(s, first(r), last(r)))
    print(io, ccall(:jl_regex_replace, String, (String, String, String, String), string("^(?:", p.pattern, ")\$"), p.flags, m,
        _expand_subst(rep.string, nothing)))
end
_replacement(io, rep::SubstitutionString, s, r, p) = print(io, _expand_subst(rep.string, String(SubString(s, first(r), last(r)))))
function _replace_all(io::IO, s::AbstractString, pats::Vector{Any}, reps::Vector{Any}, count::Int)
    e1 = ncodeunits(s) + 1
    rs = Any[_find_or_end(p, s, 1, e1) for p in pats]
    i = 1
    n = 0
    while n < count
        x = 1
        for q in 2:length(rs)
            first(rs[q]) < first(rs[x]) && (x = q)
        end
        r = rs[x]
        j, k = first(r), last(r)
        j > e1 && break
        if i == 1 || i <= k
            print(io, SubString(s, i, prevind(s, j)))
            _replacement(io, reps[x], s, r, pats[x])
        end
        n += 1
        if k < j
            i = j
            j == e1 && break
            k = nextind(s, j)
        else
            i = k = nextind(s, k)
        end
        for q in 1:length(rs)
            first(rs[q]) < k && (rs[q] = _find_or_end(pats[q], s, k, e1))
        end
    end
    i <= ncodeunits(s) && print(io, SubString(s, i))
    io
end
function replace(io::IO, s::AbstractString, pat_rep::Pair...; count::Integer=typemax(Int))
    count < 0 && throw(DomainError(count, "`count` must be non-negative."))
    (count == 0 || isempty(pat_rep)) && (print(io, s); return io)
    _replace_all(io, s, Any[_pat_finder(first(p)) for p in pat_rep], Any[last(p) for p in pat_rep], Int(count))
end
function replace(s::AbstractString, pat_rep::Pair...; count::Integer=typemax(Int))
    io = IOBuffer()
    replace(io, s, pat_rep...; count=count)
    _takestring!(io)
end

# a regex prefix or suffix
chopprefix(s::AbstractString, r::Regex) =
    (k = findnext(Regex(string("^(?:", r.pattern, ")"), r.flags), s, 1); k === nothing ? SubString(s) : SubString(s, nextind(s, last(k))))
function chopsuffix(s::AbstractString, r::Regex)
    k = findnext(Regex(string("(?:", r.pattern, ")(?![\\s\\S])"), r.flags), s, 1)
    k === nothing ? SubString(s) : SubString(s, 1, prevind(s, first(k)))
end

# ---- padding and truncating, by display width (textwidth)
lpad(s, n::Integer, p::Union{AbstractChar,AbstractString}=' ') = lpad(string(s), n, string(p))
rpad(s, n::Integer, p::Union{AbstractChar,AbstractString}=' ') = rpad(string(s), n, string(p))
function _pad_parts(s, n::Integer, p)
    m = Int(n) - textwidth(s)
    m <= 0 && return nothing
    l = textwidth(p)
    if l == 0
        msg = string(repr(p), " has zero textwidth")
        ncodeunits(p) == 1 && (msg = string(msg, "; maybe you want pad^max(0, npad - ncodeunits(str)) * str to pad by codeunits (bytes)?"))
        throw(ArgumentError(msg))
    end
    q, r = divrem(m, l)
    r == 0 ? string(p)^q : string(string(p)^q, first(string(p), r))
end
function lpad(s::Union{AbstractChar,AbstractString}, n::Integer, p::Union{AbstractChar,AbstractString}=' ')
    pad = _pad_parts(s, n, p)
    pad === nothing ? string(s) : string(pad, s)
end
function rpad(s::Union{AbstractChar,AbstractString}, n::Integer, p::Union{AbstractChar,AbstractString}=' ')
    pad = _pad_parts(s, n, p)
    pad === nothing ? string(s) : string(s, pad)
end

# the indices to keep on each side when str is cut to maxwidth columns with the replacement in the cut; nothing
# when str fits. mode: :left (cut at the start), :right (at the end), :center (in the middle)
function _truncate_bounds(str::AbstractString, maxwidth::Int, rep, mode::Symbol, prefer_left::Bool=true)
    maxwidth >= 0 || throw(ArgumentError(string("maxwidth ", maxwidth, " should be non-negative")))
    textwidth(str) <= maxwidth && return nothing
    l0 = left = 1
    right = lastindex(str)
    width = textwidth(rep)
    wl = wr = 0
    other = false
    while true
        if mode === :left || (mode === :center && (!prefer_left || left > l0))
            w = textwidth(str[right])
            if mode === :left || wr <= wl || other
                other = false
                (width += w) <= maxwidth || break
                wr += w
                right = prevind(str, right)
            else
                other = true
            end
        end
        if mode === :right || mode === :center
            w = textwidth(str[left])
            if mode === :left || wl <= wr || other
                other = false
                (width += w) <= maxwidth || break
                wl += w
                left = nextind(str, left)
            else
                other = true
            end
        end
    end
    (prevind(str, left), nextind(str, right))
end
function rtruncate(str::AbstractString, maxwidth::Integer, rep::Union{AbstractString,AbstractChar}='…')
    b = _truncate_bounds(str, Int(maxwidth), rep, :right)
    b === nothing ? string(str) : string(SubString(str, 1, b[1]), rep)
end
function ltruncate(str::AbstractString, maxwidth::Integer, rep::Union{AbstractString,AbstractChar}='…')
    b = _truncate_bounds(str, Int(maxwidth), rep, :left)
    b === nothing ? string(str) : string(rep, SubString(str, b[2]))
end
function ctruncate(str::AbstractString, maxwidth::Integer, rep::Union{AbstractString,AbstractChar}='…'; prefer_left::Bool=true)
    b = _truncate_bounds(str, Int(maxwidth), rep, :center, prefer_left)
    b === nothing ? string(str) : string(SubString(str, 1, b[1]), rep, SubString(str, b[2]))
end

# ---- checks and conversions
function ascii(s::String)
    for i in 1:ncodeunits(s)
        codeunit(s, i) < 0x80 || throw(ArgumentError(string("invalid ASCII at index ", i, " in ", repr(s))))
    end
    s
end
ascii(s::AbstractString) = ascii(String(s))
isvalid(::Type{Char}, x::Unsigned) = x < 0xd800 || 0xdfff < x <= 0x10ffff
isvalid(::Type{Char}, x::Signed) = x >= 0 && isvalid(Char, unsigned(x))
isvalid(::Type{Char}, c::Char) = true
summary(io::IO, s::AbstractString) = print(io, isempty(s) ? "empty" : string(ncodeunits(s), "-codeunit"), " ", typeof(s))
function showerror(io::IO, e::StringIndexError)
    s = e.string
    print(io, "StringIndexError: invalid index [", e.index, "]")
    if 1 <= e.index <= ncodeunits(s)
        a = thisind(s, e.index)
        b = nextind(s, a)
        print(io, b <= ncodeunits(s) ? ", valid nearby indices [" : ", valid nearby index [", a, "]=>", repr(s[a]))
        b <= ncodeunits(s) && print(io, ", [", b, "]=>", repr(s[b]))
    end
end
convert(::Type{T}, s::AbstractString) where {T<:AbstractString} = T(s)

# a fresh symbol, named ##n or ##name#n
const _gensym_count = Ref(0)
gensym() = (_gensym_count[] += 1; Symbol("##", _gensym_count[]))
gensym(name) = (_gensym_count[] += 1; Symbol("##", name, "#", _gensym_count[]))

# ---- views of strings: @view s[i:j] and @views make SubStrings; arrays have no views yet, so for them both copy
_at_view(s::AbstractString, args...) = view(s, args...)
# an array's view where Jolt has one (a vector's indices, a matrix's column or row), else a copy
_at_view(a, args...) = applicable(view, a, args...) ? view(a, args...) : getindex(a, args...)
maybeview(s::AbstractString, r::AbstractUnitRange{<:Integer}) = view(s, r)
maybeview(a, args...) = getindex(a, args...)
# `end` in an index of a[...] is lastindex(a) (lastindex(a, d) with several indices)
function _replace_end(ex, a, d, n)
    ex === :end && return n == 1 ? Expr(:call, :lastindex, a) : Expr(:call, :lastindex, a, d)
    ex isa Expr || return ex
    ex.head === :ref && return ex     # an inner a[...] has its own `end`
    Expr(ex.head, Any[_replace_end(x, a, d, n) for x in ex.args]...)
end
function _view_call(f, ex::Expr)
    arr = gensym("a")
    n = length(ex.args) - 1
    call = Expr(:call, f, arr)
    for k in 1:n
        push!(call.args, esc(_replace_end(ex.args[k + 1], arr, k, n)))
    end
    Expr(:block, Expr(:(=), arr, esc(ex.args[1])), call)
end
macro view(ex)
    (ex isa Expr && ex.head === :ref) || throw(ArgumentError("Invalid use of @view macro: argument must be a reference expression A[...]."))
    _view_call(:_at_view, ex)
end
function _views_walk(ex)
    ex isa Expr || return ex
    if ex.head === :ref
        args = Any[_views_walk(x) for x in ex.args]
        arr = gensym("a")
        n = length(args) - 1
        call = Expr(:call, :(Base.maybeview), arr)
        for k in 1:n
            push!(call.args, _replace_end(args[k + 1], arr, k, n))
        end
        return Expr(:block, Expr(:(=), arr, args[1]), call)
    end
    if (ex.head === :(=) || ex.head === :(.=)) && ex.args[1] isa Expr && ex.args[1].head === :ref
        return Expr(ex.head, ex.args[1], _views_walk(ex.args[2]))
    end
    Expr(ex.head, Any[_views_walk(x) for x in ex.args]...)
end
macro views(ex)
    esc(_views_walk(ex))
end

# ---- a Char is also a 0-dimensional collection of itself, and converts to and from numbers by its code point
typemin(::Type{Char}) = Char(0)
# a character that prints: a letter, mark, number, punctuation, symbol or space separator (not a control, format,
# private-use or unassigned character, nor a line or paragraph separator)
isprint(c::Char) = c < Char(0x80) ? (' ' <= c < Char(0x7f)) :
    !(ccall(:jl_char_category, String, (Char,), c) in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"))
widen(c::Char) = c
Integer(c::Char) = UInt32(c)
convert(::Type{Unsigned}, c::Char) = UInt32(c)
convert(::Type{Signed}, c::Char) = Int32(UInt32(c))
convert(::Type{Char}, x::AbstractFloat) = Char(UInt32(x))
Char(x::AbstractFloat) = Char(UInt32(x))
(+)(x::Integer, c::Char) = c + x
size(c::Char) = ()
size(c::Char, d::Integer) = d < 1 ? throw(BoundsError(c, d)) : 1
ndims(::Char) = 0
ndims(::Type{<:AbstractChar}) = 0
length(::Char) = 1
firstindex(::Char) = 1
lastindex(::Char) = 1
isempty(::Char) = false
getindex(c::Char) = c
getindex(c::Char, i::Integer) = i == 1 ? c : throw(BoundsError(c, i))
getindex(c::Char, i::Integer, j::Integer, k::Integer...) = (i == 1 && j == 1 && all(==(1), k)) ? c : throw(BoundsError(c, (i, j, k...)))
getindex(c::Char, ::CartesianIndex{0}) = c
first(c::Char) = c
last(c::Char) = c
eltype(::Type{Char}) = Char
IteratorSize(::Type{Char}) = HasShape{0}()
struct CodePointError{T<:Integer} <: Exception
    code::T
end
showerror(io::IO, e::CodePointError) = print(io, "CodePointError: invalid Unicode code point: U+", string(e.code, base=16, pad=4))
throw_code_point_err(u) = throw(CodePointError(u))
repr(m::AbstractString, x; context=nothing) = sprint(show, m, x; context=context)

# ---- transcode: a string and its UTF-8, UTF-16 or UTF-32 code units, either way
transcode(::Type{String}, s::String) = s
transcode(::Type{String}, s::AbstractString) = String(s)
transcode(::Type{String}, v::AbstractVector{UInt8}) = ccall(:jl_bytes_string, String, (Any,), collect(v))
transcode(::Type{String}, v::AbstractVector{<:Union{Int32,UInt32}}) = String(Char[Char(UInt32(x)) for x in v])
function transcode(::Type{String}, v::AbstractVector{UInt16})
    io = IOBuffer()
    i, n = 1, length(v)
    while i <= n
        u = UInt32(v[i])
        if 0xd800 <= u <= 0xdbff && i < n && 0xdc00 <= v[i + 1] <= 0xdfff
            print(io, Char(0x10000 + ((u - 0xd800) << 10) + (UInt32(v[i + 1]) - 0xdc00)))
            i += 2
        else
            print(io, Char(u))
            i += 1
        end
    end
    _takestring!(io)
end
transcode(::Type{UInt8}, s::String) = codeunits(s)
transcode(::Type{T}, s::String) where {T<:Union{Int32,UInt32}} = T[T(UInt32(c)) for c in s]
function transcode(::Type{UInt16}, s::String)
    out = UInt16[]
    for c in s
        u = UInt32(c)
        if u < 0x10000
            push!(out, UInt16(u))
        else
            u -= 0x10000
            push!(out, UInt16(0xd800 + (u >> 10)))
            push!(out, UInt16(0xdc00 + (u & 0x3ff)))
        end
    end
    out
end
transcode(::Type{T}, s::AbstractString) where {T<:Union{UInt8,UInt16,Int32,UInt32}} = transcode(T, String(s))
transcode(::Type{T}, v::AbstractVector) where {T<:Union{UInt8,UInt16,Int32,UInt32}} = transcode(T, transcode(String, v))
