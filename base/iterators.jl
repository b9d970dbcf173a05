# Generators (what comprehensions lower to) and iteration helpers.
struct Generator{F,I}
    f::F
    iter::I
end
function iterate(g::Generator, s...)
    y = iterate(g.iter, s...)
    y === nothing && return nothing
    (g.f(y[1]), y[2])
end
length(g::Generator) = length(g.iter)
struct _Filter{F,I}
    pred::F
    iter::I
end
_filter_iter(f, itr) = _Filter(f, itr)
function iterate(f::_Filter, s...)
    y = iterate(f.iter, s...)
    while y !== nothing
        f.pred(y[1]) && return y
        y = iterate(f.iter, y[2])
    end
    nothing
end
struct Enumerate{I}
    itr::I
end
enumerate(itr) = Enumerate(itr)
# the state is (the next index, the inner iterator's state): one type from the first call on, so a loop infers
function iterate(e::Enumerate)
    y = iterate(e.itr)
    y === nothing && return nothing
    ((1, y[1]), (2, y[2]))
end
function iterate(e::Enumerate, state)
    i, s = state
    y = iterate(e.itr, s)
    y === nothing && return nothing
    ((i, y[1]), (i + 1, y[2]))
end
# a tuple without its first element (by splatting, which inference types element by element)
tail(t::Tuple) = _tail(t...)
_tail(x, rest...) = rest
_tail() = throw(ArgumentError("Cannot call tail on an empty tuple."))
struct Zip{A,B}
    a::A
    b::B
end
zip(a, b) = Zip(a, b)
zip(a, b, c, rest...) = Generator(_zip_splice, Zip(a, zip(b, c, rest...)))
_zip_splice(t) = (t[1], t[2]...)
function iterate(z::Zip, state=((), ()))
    ya = iterate(z.a, state[1]...)
    ya === nothing && return nothing
    yb = iterate(z.b, state[2]...)
    yb === nothing && return nothing
    ((ya[1], yb[1]), ((ya[2],), (yb[2],)))
end
# As Julia's collect: the vector starts with the first element's type and is widened (promote_typejoin) only when
# an element does not fit, in a fresh call; when the elements' type is inferred, `el isa T` holds for all of them,
# the widening branch is dead, and the result infers as a Vector{T}.
function collect(itr)
    y = iterate(itr)
    y === nothing && return _empty_collect(itr)
    v1, st = y
    # (decided by the type: inference folds the branch)
    if _known_length(itr)
        dest = Vector{typeof(v1)}(undef, Int(length(itr)))
        dest[1] = v1
        return _collect_fill!(dest, itr, st, 2)
    end
    dest = Vector{typeof(v1)}(undef, 0)
    push!(dest, v1)
    _collect_rest!(dest, itr, st)
end
# a generator over an array or a range knows its length: its vector is made at that length and filled in place
_known_length(itr) = false
_known_length(::Array) = true
_known_length(::AbstractRange) = true
_known_length(g::Generator) = _known_length(g.iter)
function _collect_fill!(dest::Vector{T}, itr, st, i::Int) where T
    while true
        y = iterate(itr, st)
        y === nothing && return dest
        el, st = y
        if el isa T
            dest[i] = el
            i += 1
        else
            wider = Vector{_promote_typejoin(T, typeof(el))}(undef, length(dest))
            for k in 1:i-1
                wider[k] = dest[k]
            end
            wider[i] = el
            return _collect_fill!(wider, itr, st, i + 1)
        end
    end
end
function _collect_rest!(dest::Vector{T}, itr, st) where T
    while true
        y = iterate(itr, st)
        y === nothing && return dest
        el, st = y
        if el isa T
            push!(dest, el)
        else
            wider = Vector{_promote_typejoin(T, typeof(el))}(undef, 0)
            append!(wider, dest)
            push!(wider, el)
            return _collect_rest!(wider, itr, st)
        end
    end
end
# an empty collection's element type: its eltype (Any when it does not say)
_empty_collect(itr) = Vector{eltype(itr)}(undef, 0)
eltype(::Type{Zip{A,B}}) where {A,B} = Tuple{eltype(A), eltype(B)}
eltype(::Type{Enumerate{I}}) where {I} = Tuple{Int, eltype(I)}
# an empty comprehension takes its element type from inference of the generator's function, as in Julia
_empty_collect(g::Generator) = Vector{ccall(:jl_return_type, Any, (Any, Any), g.f, (eltype(g.iter),))}(undef, 0)
eltype(::Type{_Filter{F,I}}) where {F,I} = eltype(I)
_empty_collect(r::UnitRange{T}) where T = Vector{T}(undef, 0)
collect(::Type{T}, itr) where T = (a = Vector{T}(undef, 0); for x in itr; push!(a, x); end; a)
