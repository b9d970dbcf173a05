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
function replace(s::String, p::Pair)
    pat = p.first
    rep = p.second
    if pat isa Regex
        rep isa Function && return _replace_fn(s, pat, rep)
        return ccall(:jl_regex_replace, String, (String, String, String, String), pat.pattern, pat.flags, s, string(rep))
    end
    if pat isa Char
        pat = string(pat)
    end
    rep isa Function && return join([string(c) == pat ? string(rep(pat)) : string(c) for c in s])
    ccall(:jl_string_replace, String, (String, String, String), s, pat, string(rep))
end
function _replace_fn(s, pat, f)
    out = IOBuffer()
    last = 1
    for m in eachmatch(pat, s)
        print(out, s[last:m.offset-1])
        print(out, f(m.match))
        last = m.offset + ncodeunits(m.match)
    end
    print(out, s[last:ncodeunits(s)])
    _takestring!(out)
end
function replace(s::String, p::Pair, q::Pair)
    replace(replace(s, p), q)
end
split(s::String, r::Regex) = _split_regex(s, r)
function _split_regex(s, r)
    out = String[]
    last = 1
    for m in eachmatch(r, s)
        push!(out, s[last:m.offset-1])
        last = m.offset + ncodeunits(m.match)
    end
    push!(out, s[last:ncodeunits(s)])
    out
end
show(io::IO, r::Regex) = (write(io, "r\""); write(io, r.pattern); write(io, "\""); write(io, r.flags))
# replace(s, pat => rep; count=n): the first n matches only
Core.kwcall(kw::NamedTuple{(:count,)}, ::typeof(replace), s::String, p::Pair) = _replace_count(s, p, Int(kw.count))
function _replace_count(s::String, p::Pair, n::Int)
    n < 0 && throw(DomainError(n, "`count` must be non-negative."))
    pat = p.first isa Char ? string(p.first) : p.first
    rep = p.second
    out = IOBuffer()
    last = 1  # the first byte not yet copied
    done = 0
    if pat isa Regex
        for m in eachmatch(pat, s)
            done == n && break
            print(out, s[last:m.offset-1])
            print(out, rep isa Function ? rep(m.match) : rep)
            last = m.offset + ncodeunits(m.match)
            done += 1
        end
    else
        k = ncodeunits(pat)
        i = 1
        while done < n && k > 0 && i + k - 1 <= ncodeunits(s)
            if _matches_at(s, pat, i, k)
                print(out, s[last:i-1])
                print(out, rep isa Function ? rep(pat) : rep)
                i += k
                last = i
                done += 1
            else
                i += 1
            end
        end
    end
    print(out, s[last:ncodeunits(s)])
    _takestring!(out)
end
function _matches_at(s::String, pat::String, i::Int, k::Int)
    for j in 0:k-1
        codeunit(s, i + j) == codeunit(pat, 1 + j) || return false
    end
    true
end
