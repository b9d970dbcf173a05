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
function iterate(e::Enumerate, state=(1,))
    i = state[1]
    y = iterate(e.itr, Base.tail(state)...)
    y === nothing && return nothing
    ((i, y[1]), (i + 1, y[2]))
end
tail(t::Tuple) = ccall(:jl_tuple_tail, Any, (Any,), t)
struct Zip{A,B}
    a::A
    b::B
end
zip(a, b) = Zip(a, b)
function iterate(z::Zip, state=((), ()))
    ya = iterate(z.a, state[1]...)
    ya === nothing && return nothing
    yb = iterate(z.b, state[2]...)
    yb === nothing && return nothing
    ((ya[1], yb[1]), ((ya[2],), (yb[2],)))
end
function collect(itr)
    a = Vector{Any}(undef, 0)
    T = Union{}
    first = true
    for x in itr
        push!(a, x)
        T = first ? typeof(x) : (typeof(x) === T ? T : _promote_join(T, typeof(x)))
        first = false
    end
    first && return _empty_collect(itr)
    b = Vector{T}(undef, length(a))
    for i in 1:length(a)
        b[i] = a[i]
    end
    b
end
_empty_collect(itr) = Vector{Any}(undef, 0)
# an empty comprehension takes its element type from inference of the generator's function, as in Julia
_empty_collect(g::Generator) = Vector{ccall(:jl_return_type, Any, (Any, Any), g.f, (eltype(g.iter),))}(undef, 0)
eltype(::Type{_Filter{F,I}}) where {F,I} = eltype(I)
_empty_collect(r::UnitRange{T}) where T = Vector{T}(undef, 0)
collect(::Type{T}, itr) where T = (a = Vector{T}(undef, 0); for x in itr; push!(a, x); end; a)
