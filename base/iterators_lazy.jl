# Iterator traits and the lazy iterators of Base.Iterators (countfrom, cycle, repeated, take, drop, takewhile,
# dropwhile, partition, product, flatten, rest, peel, accumulate, Stateful), as Julia's: each is a struct whose
# `iterate` walks the wrapped iterator; nothing is collected unless asked.

# -- traits: what an iterator knows of its length and of its elements' type
abstract type IteratorSize end
struct SizeUnknown <: IteratorSize end
struct HasLength <: IteratorSize end
struct HasShape{N} <: IteratorSize end
struct IsInfinite <: IteratorSize end
IteratorSize(x) = IteratorSize(typeof(x))
IteratorSize(::Type) = HasLength()
IteratorSize(::Type{Any}) = SizeUnknown()
IteratorSize(::Type{<:Array{T,N}}) where {T,N} = HasShape{N}()
IteratorSize(::Type{<:AbstractRange}) = HasShape{1}()
IteratorSize(::Type{<:Number}) = HasShape{0}()
IteratorSize(::Type{Generator{F,I}}) where {F,I} = IteratorSize(I)
IteratorSize(::Type{_Filter{F,I}}) where {F,I} = SizeUnknown()
IteratorSize(::Type{_Flatten{I}}) where {I} = SizeUnknown()
IteratorSize(::Type{Enumerate{I}}) where {I} = IteratorSize(I)
abstract type IteratorEltype end
struct EltypeUnknown <: IteratorEltype end
struct HasEltype <: IteratorEltype end
IteratorEltype(x) = IteratorEltype(typeof(x))
IteratorEltype(::Type) = HasEltype()
IteratorEltype(::Type{Generator{F,I}}) where {F,I} = EltypeUnknown()
# the size trait of an iterator that yields no more elements than `I` and as many when I is infinite
_at_most_size(::HasShape) = HasLength()
_at_most_size(s::IteratorSize) = s
# the size trait of an iterator that may stop early (takewhile) or drops elements: no length known
_unknown_size(::IsInfinite) = IsInfinite()
_unknown_size(::IteratorSize) = SizeUnknown()

# zip: as long as its shortest iterator (an infinite one does not count); a shape only when every iterator has one
IteratorSize(::Type{Zip{A,B}}) where {A,B} = _zip_size(IteratorSize(A), IteratorSize(B))
_zip_size(::IsInfinite, ::IsInfinite) = IsInfinite()
_zip_size(::IsInfinite, ::HasShape) = HasLength()
_zip_size(::HasShape, ::IsInfinite) = HasLength()
_zip_size(::IsInfinite, b::IteratorSize) = b
_zip_size(a::IteratorSize, ::IsInfinite) = a
_zip_size(::HasShape{N}, ::HasShape{M}) where {N,M} = HasShape{N > M ? N : M}()
_zip_size(::Union{HasShape,HasLength}, ::Union{HasShape,HasLength}) = HasLength()
_zip_size(::IteratorSize, ::IteratorSize) = SizeUnknown()
IteratorEltype(::Type{Zip{A,B}}) where {A,B} = _and_eltype(IteratorEltype(A), IteratorEltype(B))
_and_eltype(::HasEltype, ::HasEltype) = HasEltype()
_and_eltype(::IteratorEltype, ::IteratorEltype) = EltypeUnknown()
function length(z::Zip)
    IteratorSize(z.a) isa IsInfinite && return length(z.b)
    IteratorSize(z.b) isa IsInfinite && return length(z.a)
    min(length(z.a), length(z.b))
end
size(z::Zip) = _zip_shape(IteratorSize(z), z)
_zip_shape(::IteratorSize, z) = throw(MethodError(size, (z,)))
function _zip_shape(::HasShape, z::Zip)
    sa = size(z.a)
    sb = size(z.b)
    length(sa) == 1 && length(sb) == 1 && return (min(sa[1], sb[1]),)
    sa == sb || throw(DimensionMismatch("dimensions must match: a has dims $sa, b has dims $sb"))
    sa
end

# Returns(v): a function that takes any arguments and returns v
struct Returns{V} <: Function
    value::V
end
(f::Returns)(args...; kw...) = f.value
# isdone(itr, state...): true when iterate(itr, state...) is known to give nothing, missing when not known
isdone(itr, state...) = missing

struct EOFError <: Exception end
function peek end
function reset! end

module Iterators
    import ..Base: iterate, length, size, eltype, isempty, IteratorSize, IteratorEltype, Generator, _filter_iter,
        _Filter, _flatten, _Flatten, _product, enumerate, zip, SizeUnknown, HasLength, HasShape, IsInfinite,
        HasEltype, EltypeUnknown, _at_most_size, _unknown_size, Zip, Enumerate, rest
    export enumerate, zip, rest, countfrom, take, drop, takewhile, dropwhile, cycle, repeated, product, flatten,
        flatmap, partition, nth

    const Filter = _Filter
    const Flatten = _Flatten
    filter(f, itr) = _filter_iter(f, itr)
    map(f, itr) = Generator(f, itr)
    map(f, itr, itrs...) = Generator(t -> f(t...), zip(itr, itrs...))
    reverse(a) = Base.reverse(collect(a))
    flatten(itr) = _flatten(itr)
    flatmap(f, c...) = flatten(map(f, c...))

    # -- rest(itr, state): itr from the given state on; peel(itr): the first element and the rest
    struct Rest{I,S}
        itr::I
        st::S
    end
    rest(itr, state) = Rest(itr, state)
    rest(r::Rest, state) = Rest(r.itr, state)
    rest(itr) = itr
    iterate(r::Rest, st=r.st) = iterate(r.itr, st)
    eltype(::Type{Rest{I,S}}) where {I,S} = eltype(I)
    IteratorSize(::Type{Rest{I,S}}) where {I,S} = _unknown_size(IteratorSize(I))
    IteratorEltype(::Type{Rest{I,S}}) where {I,S} = IteratorEltype(I)
    isempty(r::Rest) = iterate(r) === nothing
    function peel(itr)
        y = iterate(itr)
        y === nothing && return nothing
        (y[1], rest(itr, y[2]))
    end

    # -- countfrom(start, step): start, start + step, ... without end
    struct Count{T,S}
        start::T
        step::S
    end
    countfrom(start::T, step::S) where {T,S} = Count{typeof(start + step),S}(start + step - step, step)
    countfrom(start=1) = countfrom(start, oneunit(start))
    iterate(it::Count, state=it.start) = (state, state + it.step)
    eltype(::Type{Count{T,S}}) where {T,S} = T
    IteratorSize(::Type{<:Count}) = IsInfinite()
    isempty(::Count) = false

    # -- take(xs, n): at most the first n elements
    struct Take{I}
        xs::I
        n::Int
    end
    take(xs, n::Integer) = n < 0 ? throw(ArgumentError("Take length must be non-negative")) : Take(xs, Int(n))
    take(xs::Take, n::Integer) = take(xs.xs, min(Int(n), xs.n))
    eltype(::Type{Take{I}}) where {I} = eltype(I)
    IteratorSize(::Type{Take{I}}) where {I} = _take_size(IteratorSize(I))
    _take_size(::Union{HasShape,HasLength,IsInfinite}) = HasLength()
    _take_size(::IteratorSize) = SizeUnknown()
    IteratorEltype(::Type{Take{I}}) where {I} = IteratorEltype(I)
    length(t::Take) = IteratorSize(t.xs) isa IsInfinite ? t.n : min(t.n, length(t.xs))
    isempty(t::Take) = t.n == 0 || isempty(t.xs)
    # the state is (elements left, the inner state...), so collect infers the inner eltype
    function iterate(t::Take, state=(t.n,))
        n = state[1]
        n <= 0 && return nothing
        y = iterate(t.xs, Base.tail(state)...)
        y === nothing && return nothing
        (y[1], (n - 1, y[2]))
    end

    # -- drop(xs, n): all but the first n elements
    struct Drop{I}
        xs::I
        n::Int
    end
    drop(xs, n::Integer) = n < 0 ? throw(ArgumentError("Drop length must be non-negative")) : Drop(xs, Int(n))
    eltype(::Type{Drop{I}}) where {I} = eltype(I)
    IteratorSize(::Type{Drop{I}}) where {I} = _at_most_size(IteratorSize(I))
    IteratorEltype(::Type{Drop{I}}) where {I} = IteratorEltype(I)
    function length(d::Drop)
        IteratorSize(d.xs) isa IsInfinite && throw(MethodError(length, (d,)))
        n = length(d.xs)
        n > d.n ? n - d.n : 0
    end
    isempty(d::Drop) = iterate(d) === nothing
    function iterate(d::Drop)
        y = iterate(d.xs)
        for i in 1:d.n
            y === nothing && return nothing
            y = iterate(d.xs, y[2])
        end
        y
    end
    iterate(d::Drop, state) = iterate(d.xs, state)

    # -- takewhile(pred, xs) / dropwhile(pred, xs)
    struct TakeWhile{I,P}
        pred::P
        xs::I
    end
    takewhile(pred, xs) = TakeWhile(pred, xs)
    function iterate(t::TakeWhile, state...)
        y = iterate(t.xs, state...)
        y === nothing && return nothing
        t.pred(y[1]) || return nothing
        y
    end
    eltype(::Type{TakeWhile{I,P}}) where {I,P} = eltype(I)
    IteratorSize(::Type{<:TakeWhile}) = SizeUnknown()
    IteratorEltype(::Type{TakeWhile{I,P}}) where {I,P} = IteratorEltype(I)
    isempty(t::TakeWhile) = iterate(t) === nothing
    struct DropWhile{I,P}
        pred::P
        xs::I
    end
    dropwhile(pred, xs) = DropWhile(pred, xs)
    function iterate(d::DropWhile)
        y = iterate(d.xs)
        while y !== nothing && d.pred(y[1])
            y = iterate(d.xs, y[2])
        end
        y
    end
    iterate(d::DropWhile, state) = iterate(d.xs, state)
    eltype(::Type{DropWhile{I,P}}) where {I,P} = eltype(I)
    IteratorSize(::Type{DropWhile{I,P}}) where {I,P} = _unknown_size(IteratorSize(I))
    IteratorEltype(::Type{DropWhile{I,P}}) where {I,P} = IteratorEltype(I)
    isempty(d::DropWhile) = iterate(d) === nothing

    # -- cycle(xs): xs over and over (nothing if xs is empty); cycle(xs, n): n times
    struct Cycle{I}
        xs::I
    end
    cycle(xs) = Cycle(xs)
    cycle(xs, n::Integer) = flatten(repeated(xs, n))
    eltype(::Type{Cycle{I}}) where {I} = eltype(I)
    IteratorSize(::Type{Cycle{I}}) where {I} = IsInfinite()
    IteratorEltype(::Type{Cycle{I}}) where {I} = IteratorEltype(I)
    isempty(c::Cycle) = isempty(c.xs)
    iterate(c::Cycle) = iterate(c.xs)
    function iterate(c::Cycle, state)
        y = iterate(c.xs, state)
        y === nothing ? iterate(c) : y
    end

    # -- repeated(x): x without end; repeated(x, n): n times
    struct Repeated{O}
        x::O
    end
    repeated(x) = Repeated(x)
    repeated(x, n::Integer) = take(repeated(x), Int(n))
    iterate(r::Repeated, state=nothing) = (r.x, nothing)
    eltype(::Type{Repeated{O}}) where {O} = O
    IteratorSize(::Type{<:Repeated}) = IsInfinite()
    isempty(::Repeated) = false

    # -- product(iters...): every combination, the first iterator varying fastest; its shape is the iterators' sizes
    struct ProductIterator{T<:Tuple}
        iterators::T
    end
    product(iters...) = ProductIterator(iters)
    eltype(::Type{ProductIterator{T}}) where {T} = Tuple{map_tuple(eltype, (T.parameters...,))...}
    map_tuple(f, t::Tuple) = Base.map(f, t)
    _psize(it, ::HasLength) = (length(it),)
    _psize(it, ::HasShape) = size(it)
    _psize(it, ::IteratorSize) = throw(MethodError(size, (it,)))
    size(p::ProductIterator) = _psizes(p.iterators...)
    _psizes() = ()
    _psizes(it, rest...) = (_psize(it, IteratorSize(it))..., _psizes(rest...)...)
    length(p::ProductIterator) = _plength(p.iterators...)
    Base.ndims(p::ProductIterator) = length(size(p))
    _plength() = 1
    _plength(it, rest...) = length(it) * _plength(rest...)
    isempty(p::ProductIterator) = _pany_empty(p.iterators...)
    _pany_empty() = false
    _pany_empty(it, rest...) = isempty(it) || _pany_empty(rest...)
    IteratorSize(::Type{ProductIterator{T}}) where {T} = _prod_size((T.parameters...,))
    # (for up to four iterators by their types, so that inference folds it)
    IteratorSize(::Type{ProductIterator{Tuple{}}}) = HasShape{0}()
    IteratorSize(::Type{ProductIterator{Tuple{A}}}) where {A} = _pdims(IteratorSize(A))
    IteratorSize(::Type{ProductIterator{Tuple{A,B}}}) where {A,B} = _pcomb(_pdims(IteratorSize(A)), _pdims(IteratorSize(B)))
    IteratorSize(::Type{ProductIterator{Tuple{A,B,C}}}) where {A,B,C} =
        _pcomb(_pcomb(_pdims(IteratorSize(A)), _pdims(IteratorSize(B))), _pdims(IteratorSize(C)))
    _pdims(::HasLength) = HasShape{1}()
    _pdims(s::IteratorSize) = s
    _pcomb(::HasShape{M}, ::HasShape{N}) where {M,N} = HasShape{M + N}()
    _pcomb(::IsInfinite, ::IteratorSize) = IsInfinite()
    _pcomb(::IteratorSize, ::IsInfinite) = IsInfinite()
    _pcomb(::IsInfinite, ::IsInfinite) = IsInfinite()
    _pcomb(::IteratorSize, ::IteratorSize) = SizeUnknown()
    eltype(::Type{ProductIterator{Tuple{A}}}) where {A} = Tuple{eltype(A)}
    eltype(::Type{ProductIterator{Tuple{A,B}}}) where {A,B} = Tuple{eltype(A),eltype(B)}
    eltype(::Type{ProductIterator{Tuple{A,B,C}}}) where {A,B,C} = Tuple{eltype(A),eltype(B),eltype(C)}
    _pany_nothing() = false
    _pany_nothing(y, ys...) = y === nothing || _pany_nothing(ys...)
    # (recursive rather than a loop: a loop in a method made for each product type is compiled at once, each time)
    _prod_size(ts::Tuple) = _prod_size(0, ts...)
    _prod_size(n::Int) = HasShape{n}()
    _prod_size(n::Int, t, ts...) = _prod_size_step(n, IteratorSize(t), ts)
    _prod_size_step(n::Int, ::IsInfinite, ts) = IsInfinite()
    _prod_size_step(n::Int, ::SizeUnknown, ts) = _prod_size_unknown(ts...)
    _prod_size_step(n::Int, ::HasLength, ts) = _prod_size(n + 1, ts...)
    _prod_size_step(n::Int, ::HasShape{N}, ts) where {N} = _prod_size(n + N, ts...)
    # an infinite iterator after one of unknown size still makes the product infinite
    _prod_size_unknown() = SizeUnknown()
    _prod_size_unknown(t, ts...) = IteratorSize(t) isa IsInfinite ? IsInfinite() : _prod_size_unknown(ts...)
    IteratorEltype(::Type{ProductIterator{T}}) where {T} = HasEltype()
    # the state: the current values and each iterator's state
    function iterate(p::ProductIterator)
        ys = Base.map(iterate, p.iterators)
        _pany_nothing(ys...) && return nothing
        vals = Base.map(y -> y[1], ys)
        (vals, (vals, Base.map(y -> y[2], ys)))
    end
    function iterate(p::ProductIterator, state)
        r = _pstep(p.iterators, state[1], state[2])
        r === nothing && return nothing
        (r[1], r)
    end
    # the next (values, states): the first iterator steps; when it is done it starts over and the rest step
    _pstep(::Tuple{}, ::Tuple{}, ::Tuple{}) = nothing
    function _pstep(its::Tuple, vals::Tuple, sts::Tuple)
        y = iterate(its[1], sts[1])
        y === nothing || return ((y[1], Base.tail(vals)...), (y[2], Base.tail(sts)...))
        r = _pstep(Base.tail(its), Base.tail(vals), Base.tail(sts))
        r === nothing && return nothing
        z = iterate(its[1])
        ((z[1], r[1]...), (z[2], r[2]...))
    end

    # -- partition(c, n): c in chunks of n (the last may be shorter)
    struct PartitionIterator{T}
        c::T
        n::Int
    end
    partition(c, n::Integer) =
        n < 1 ? throw(ArgumentError("cannot create partitions of length $n")) : PartitionIterator(c, Int(n))
    IteratorSize(::Type{PartitionIterator{T}}) where {T} = _at_most_size(IteratorSize(T))
    IteratorEltype(::Type{<:PartitionIterator}) = EltypeUnknown()
    function length(p::PartitionIterator)
        l = length(p.c)
        div(l, p.n) + (rem(l, p.n) > 0 ? 1 : 0)
    end
    isempty(p::PartitionIterator) = isempty(p.c)
    # arrays and strings are cut by index; any other iterator is gathered into vectors
    function iterate(p::PartitionIterator{<:Union{AbstractArray,AbstractRange}}, i::Int=1)
        i > length(p.c) && return nothing
        (p.c[i:min(i + p.n - 1, length(p.c))], i + p.n)
    end
    function iterate(p::PartitionIterator{<:AbstractString}, i::Int=1)
        i > ncodeunits(p.c) && return nothing
        j = i
        for k in 1:p.n-1
            j = nextind(p.c, j)
            j > ncodeunits(p.c) && (j = lastindex(p.c); break)
        end
        (p.c[i:j], nextind(p.c, j))
    end
    function iterate(p::PartitionIterator, state...)
        y = iterate(p.c, state...)
        y === nothing && return nothing
        v = Base.Vector{eltype(p.c)}(undef, 0)
        push!(v, y[1])
        while length(v) < p.n
            y = iterate(p.c, y[2])
            y === nothing && return (v, (p.c, nothing))
            push!(v, y[1])
        end
        (v, y[2])
    end
    iterate(p::PartitionIterator, state::Tuple{Any,Nothing}) = nothing

    # -- nth(itr, n): the n-th element
    function nth(itr, n::Integer)
        n < 1 && throw(BoundsError(itr, n))
        y = iterate(drop(itr, n - 1))
        y === nothing && throw(BoundsError(itr, n))
        y[1]
    end
    nth(a::AbstractArray, n::Integer) = a[n]

    # -- accumulate(f, itr; init): the running reduction, lazily
    struct Accumulate{F,I,T}
        f::F
        itr::I
        init::T
    end
    struct _NoInit end
    accumulate(f, itr; init=_NoInit()) = Accumulate(f, itr, init)
    function iterate(a::Accumulate, state=(a.init,))
        acc = state[1]
        y = iterate(a.itr, Base.tail(state)...)
        y === nothing && return nothing
        v = acc isa _NoInit ? y[1] : a.f(acc, y[1])
        (v, (v, y[2]))
    end
    length(a::Accumulate) = length(a.itr)
    size(a::Accumulate) = size(a.itr)
    IteratorSize(::Type{Accumulate{F,I,T}}) where {F,I,T} = IteratorSize(I)
    IteratorEltype(::Type{<:Accumulate}) = EltypeUnknown()

    # -- Stateful(itr): an iterator that remembers how far it got (each iterate takes an element for good)
    mutable struct Stateful{T}
        itr::T
        nextvalstate::Any
        taken::Int
    end
    Stateful(itr) = Stateful{typeof(itr)}(itr, iterate(itr), 0)
    Stateful(s::Stateful) = s
    function iterate(s::Stateful, state=nothing)
        vs = s.nextvalstate
        vs === nothing && return nothing
        s.nextvalstate = iterate(s.itr, vs[2])
        s.taken += 1
        (vs[1], nothing)
    end
    isempty(s::Stateful) = s.nextvalstate === nothing
    Base.isdone(s::Stateful, st=nothing) = s.nextvalstate === nothing
    length(s::Stateful) = length(s.itr) - s.taken
    eltype(::Type{Stateful{T}}) where {T} = eltype(T)
    IteratorSize(::Type{Stateful{T}}) where {T} = _at_most_size(IteratorSize(T)) isa HasLength ? HasLength() :
        _unknown_size(IteratorSize(T))
    IteratorEltype(::Type{Stateful{T}}) where {T} = IteratorEltype(T)
    function Base.peek(s::Stateful, sentinel=nothing)
        vs = s.nextvalstate
        vs === nothing ? sentinel : vs[1]
    end
    function Base.popfirst!(s::Stateful)
        y = iterate(s)
        y === nothing && throw(Base.EOFError())
        y[1]
    end
    function Base.reset!(s::Stateful, itr=s.itr)
        s.itr = itr
        s.nextvalstate = iterate(itr)
        s.taken = 0
        s
    end
end
# a product of iterators with shapes collects into an array of the product's shape, as in Julia (of two vectors or
# ranges, as a two-iterator comprehension does, so that it infers as a Matrix)
collect(p::Iterators.ProductIterator{Tuple{A,B}}) where {A<:Union{Vector,AbstractRange},B<:Union{Vector,AbstractRange}} =
    collect(Generator(identity, _Product(p.iterators[1], p.iterators[2])))
function collect(p::Iterators.ProductIterator)
    v = _collect_vector(p)
    s = IteratorSize(p)
    s isa HasShape{1} && return v
    s isa HasShape ? reshape(v, size(p)) : v
end
function _collect_vector(itr)
    y = iterate(itr)
    y === nothing && return Vector{eltype(itr)}(undef, 0)
    dest = Vector{typeof(y[1])}(undef, 0)
    push!(dest, y[1])
    _collect_rest!(dest, itr, y[2])
end
# a comprehension over three or more iterators (`[f(x, y, z) for x in a, y in b, z in c]`) is an array of their shape
_product(a, b, c, rest...) = Iterators.product(a, b, c, rest...)
function collect(g::Generator{F,I}) where {F,I<:Iterators.ProductIterator}
    v = _collect_vector(g)
    s = size(g.iter)
    length(s) == 1 ? v : reshape(v, s)
end
