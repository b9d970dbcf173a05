# Set{T} on Dict{T,Nothing}.
abstract type AbstractSet{T} end
struct Set{T} <: AbstractSet{T}
    dict::Dict{T,Nothing}
    Set{T}(d::Dict{T,Nothing}) where {T} = new{T}(d)
end
Set{T}() where T = Set{T}(Dict{T,Nothing}())
# Set{T}(itr): the elements of any iterable, converted to T
function Set{T}(itr) where T
    s = Set{T}()
    for x in itr
        push!(s, x)
    end
    s
end
Set() = Set{Any}()
function Set(itr)
    v = collect(itr)
    s = Set{eltype(v)}()
    for x in v
        push!(s, x)
    end
    s
end
push!(s::Set, x) = (s.dict[x] = nothing; s)
delete!(s::Set, x) = (delete!(s.dict, x); s)
in(x, s::Set) = haskey(s.dict, x)
length(s::Set) = length(s.dict)
isempty(s::Set) = length(s) == 0
function iterate(s::Set, state...)
    y = iterate(s.dict, state...)
    y === nothing && return nothing
    (y[1].first, y[2])
end
eltype(::Type{Set{T}}) where T = T
collect(s::Set{T}) where T = T[x for x in s]
union(a, b) = (s = Set(a); for x in b; push!(s, x); end; s)
intersect(a::Set, b) = Set([x for x in a if x in b])
setdiff(a::Set, b) = Set([x for x in a if !(x in b)])
issubset(a, b) = all(x -> x in b, a)
⊆(a, b) = issubset(a, b)
∪(a, b) = union(a, b)
∩(a, b) = intersect(a, b)
==(a::AbstractSet, b::AbstractSet) = length(a) == length(b) && issubset(a, b)
⊇(a, b) = issubset(b, a)
isdisjoint(a, b) = !any(x -> x in b, a)
symdiff(a::Set, b) = union(setdiff(a, b), setdiff(Set(b), a))
copy(s::Set{T}) where T = (c = Set{T}(); for x in s; push!(c, x); end; c)
union!(s::Set, itr) = (for x in itr; push!(s, x); end; s)
setdiff!(s::Set, itr) = (for x in itr; delete!(s, x); end; s)
intersect!(s::Set, itr) = (for x in collect(s); x in itr || delete!(s, x); end; s)
pop!(s::Set) = (x = first(s); delete!(s, x); x)
function unique(a::Union{Vector{T},AbstractRange{T},Set{T}}) where T
    seen = Set{T}()
    out = Vector{T}(undef, 0)
    for x in a
        if !(x in seen)
            push!(seen, x); push!(out, x)
        end
    end
    out
end
function unique(itr)
    seen = Set{Any}()
    out = Any[]
    for x in itr
        if !(x in seen)
            push!(seen, x); push!(out, x)
        end
    end
    collect(Generator(identity, out))
end
function show(io::IO, s::Set)
    isempty(s) && return (show(io, typeof(s)); write(io, "()"))
    write(io, "Set(")
    show(io, collect(s))
    write(io, ")")
end
const BitSet = Set{Int}
empty(s::Set{T}) where {T} = Set{T}()
