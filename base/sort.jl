# sort.jl: Base.Order (orderings: how two values compare) and Base.Sort (sorting algorithms, partial sorting and
# binary search in sorted vectors). Base's sort, sort!, sortperm, ... are the functions these modules add methods to.

function sort end
function sort! end
function sortperm end
function sortperm! end
function partialsort end
function partialsort! end
function partialsortperm end
function partialsortperm! end
function issorted end
function searchsorted end
function searchsortedfirst end
function searchsortedlast end
function insorted end

module Order
    export Ordering, Forward, Reverse, By, Lt, Perm, ReverseOrdering, ForwardOrdering, DirectOrdering, lt, ord,
        ordtype

    abstract type Ordering end

    struct ForwardOrdering <: Ordering end
    # the order of fwd, backwards
    struct ReverseOrdering{Fwd<:Ordering} <: Ordering
        fwd::Fwd
    end
    ReverseOrdering(r::ReverseOrdering) = r.fwd
    ReverseOrdering() = ReverseOrdering(ForwardOrdering())

    const DirectOrdering = Union{ForwardOrdering,ReverseOrdering{ForwardOrdering}}
    const Forward = ForwardOrdering()
    const Reverse = ReverseOrdering()

    # values compared by order after the transformation by
    struct By{T,O} <: Ordering
        by::T
        order::O
    end
    By(by) = By(by, Forward)

    # values compared by the function lt
    struct Lt{T} <: Ordering
        lt::T
    end

    # indices compared by the values of data they point at (ties broken by the index: a stable permutation)
    struct Perm{O<:Ordering,V<:AbstractVector} <: Ordering
        order::O
        data::V
    end

    lt(::ForwardOrdering, a, b) = isless(a, b)
    lt(o::ReverseOrdering, a, b) = lt(o.fwd, b, a)
    lt(o::By, a, b) = lt(o.order, o.by(a), o.by(b))
    lt(o::Lt, a, b) = o.lt(a, b)
    function lt(p::Perm, a::Integer, b::Integer)
        da = p.data[a]
        db = p.data[b]
        (lt(p.order, da, db)::Bool) | (!(lt(p.order, db, da)::Bool) & (a < b))
    end

    # the type of the values an ordering compares (after by)
    ordtype(o::ReverseOrdering, vs) = ordtype(o.fwd, vs)
    ordtype(o::Perm, vs) = ordtype(o.order, o.data)
    ordtype(::By, vs) = Any
    ordtype(::Ordering, vs) = eltype(vs)

    _ord(lt, by, order::Ordering) = _ord(lt, by, order, lt === isless)
    _ord(lt, by, order::Ordering, plain::Bool) =
        if plain
            by === identity ? order : By(by, order)
        else
            order === Forward || throw(ArgumentError(string("Passing both lt= and order= arguments is ambiguous; ",
                "please pass order=Order.By(by, Order.Lt(lt)) or order=Order.Lt(lt) instead.")))
            by === identity ? Lt(lt) : By(by, Lt(lt))
        end

    # the ordering the keywords lt, by, rev and order of sort and friends describe
    function ord(lt, by, rev::Union{Bool,Nothing}, order::Ordering=Forward)
        o = _ord(lt, by, order)
        rev === true ? ReverseOrdering(o) : o
    end
end

using .Order
import .Order: Ordering, Forward, Reverse, By, Lt, Perm, ReverseOrdering, ForwardOrdering, DirectOrdering, ord

module Sort
    using ..Order
    import ..Order: lt
    import ..Base: sort, sort!, sortperm, sortperm!, partialsort, partialsort!, partialsortperm, partialsortperm!,
        issorted, searchsorted, searchsortedfirst, searchsortedlast, insorted, show
    export sort, sort!, sortperm, sortperm!, partialsort, partialsort!, partialsortperm, partialsortperm!,
        issorted, searchsorted, searchsortedfirst, searchsortedlast, insorted, InsertionSort, QuickSort, MergeSort,
        PartialQuickSort

    # the middle of lo and hi, rounded down, without overflow
    midpoint(lo::T, hi::T) where {T<:Integer} = lo + ((hi - lo) >>> 0x01)
    midpoint(lo::Integer, hi::Integer) = midpoint(promote(lo, hi)...)

    # -- algorithms (values passed as alg=)
    abstract type Algorithm end
    struct InsertionSortAlg <: Algorithm end
    struct MergeSortAlg <: Algorithm end
    struct QuickSortAlg <: Algorithm end
    struct DefaultStable <: Algorithm end
    struct DefaultUnstable <: Algorithm end
    const InsertionSort = InsertionSortAlg()
    const MergeSort = MergeSortAlg()
    const QuickSort = QuickSortAlg()
    const DEFAULT_STABLE = DefaultStable()
    const DEFAULT_UNSTABLE = DefaultUnstable()
    const SMALL_ALGORITHM = InsertionSort
    const SMALL_THRESHOLD = 20

    # sorts so that the elements at positions lo:hi are those of a full sort (missing: the start or the end)
    struct PartialQuickSort{L<:Union{Integer,Missing},H<:Union{Integer,Missing},T<:Algorithm} <: Algorithm
        lo::L
        hi::H
        next::T
    end
    PartialQuickSort(lo::Union{Integer,Missing}, hi::Union{Integer,Missing}) =
        PartialQuickSort(lo, hi, SMALL_ALGORITHM)
    PartialQuickSort(k::Integer) = PartialQuickSort(missing, k)
    PartialQuickSort(k::OrdinalRange) = PartialQuickSort(first(k), last(k))

    # a stable quick sort that partitions through a scratch vector (here: a stable sort of lo:hi)
    struct ScratchQuickSort{L<:Union{Integer,Missing},H<:Union{Integer,Missing},T<:Algorithm} <: Algorithm
        lo::L
        hi::H
        next::T
    end
    ScratchQuickSort(next::Algorithm=SMALL_ALGORITHM) = ScratchQuickSort(missing, missing, next)
    ScratchQuickSort(lo::Union{Integer,Missing}, hi::Union{Integer,Missing}) =
        ScratchQuickSort(lo, hi, SMALL_ALGORITHM)
    ScratchQuickSort(lo::Union{Integer,Missing}, next::Algorithm=SMALL_ALGORITHM) = ScratchQuickSort(lo, lo, next)
    ScratchQuickSort(r::OrdinalRange, next::Algorithm=SMALL_ALGORITHM) = ScratchQuickSort(first(r), last(r), next)

    # the optimizations Julia makes before its algorithm (missing values, orderings of floats): here the next one
    struct InitialOptimizations{T<:Algorithm} <: Algorithm
        next::T
    end

    show(io::IO, ::DefaultStable) = print(io, "Base.Sort.DefaultStable()")
    show(io::IO, ::DefaultUnstable) = print(io, "Base.Sort.DefaultUnstable()")

    defalg(v) = DEFAULT_STABLE

    # -- the entry points: sort!(v, lo, hi, alg, order) (the old one, which packages extend) and
    # _sort!(v, alg, order, kw) (kw holds lo, hi and scratch)
    function sort!(v::AbstractVector, lo::Integer, hi::Integer, alg::Algorithm, o::Ordering)
        _sort!(v, alg, o, (lo=Int(lo), hi=Int(hi), scratch=nothing, legacy=alg))
        v
    end
    sort!(v::AbstractVector, alg::Algorithm, o::Ordering) = sort!(v, firstindex(v), lastindex(v), alg, o)

    # @getkw lo hi scratch: those names from the keywords kw of _sort!(v, alg, o, kw), or their defaults
    macro getkw(syms...)
        Expr(:block, [Expr(:(=), esc(s), Expr(:call, :_getkw, esc(:v), esc(:kw), QuoteNode(s))) for s in syms]...)
    end
    _getkw(v, kw, s::Symbol) =
        haskey(kw, s) ? getfield(kw, s) : s === :lo ? firstindex(v) : s === :hi ? lastindex(v) : nothing

    # an algorithm that has neither entry point defined
    function _sort!(v::AbstractVector, alg::Algorithm, o::Ordering, kw)
        @getkw lo hi scratch
        if haskey(kw, :legacy) && kw.legacy === alg
            throw(ArgumentError(string("Base.Sort._sort!(::", typeof(v), ", ::", typeof(alg), ", ::", typeof(o),
                ", ::Any) is not defined")))
        end
        sort!(v, lo, hi, alg, o)
        scratch
    end
    function _sort!(v::AbstractVector, alg::InitialOptimizations, o::Ordering, kw)
        @getkw lo hi
        _sort!(v, alg.next, o, (lo=lo, hi=hi, scratch=_getkw(v, kw, :scratch)))
    end
    function _sort!(v::AbstractVector, ::InsertionSortAlg, o::Ordering, kw)
        @getkw lo hi scratch
        _insertion_sort!(v, lo, hi, o)
        scratch
    end
    function _sort!(v::AbstractVector, ::Union{MergeSortAlg,QuickSortAlg,DefaultStable,DefaultUnstable,
            ScratchQuickSort}, o::Ordering, kw)
        @getkw lo hi scratch
        _merge_sort!(v, lo, hi, o)
        scratch
    end
    function _sort!(v::AbstractVector, alg::PartialQuickSort, o::Ordering, kw)
        @getkw lo hi scratch
        a = alg.lo === missing ? lo : max(lo, Int(alg.lo))
        b = alg.hi === missing ? hi : min(hi, Int(alg.hi))
        a <= b && _partial_quick_sort!(v, lo, hi, a, b, o)
        scratch
    end

    function _insertion_sort!(v::AbstractVector, lo::Int, hi::Int, o::Ordering)
        for i in lo+1:hi
            x = v[i]
            j = i
            while j > lo
                y = v[j - 1]
                lt(o, x, y) || break
                v[j] = y
                j -= 1
            end
            v[j] = x
        end
        v
    end

    # a stable merge sort of v[lo:hi], the left half of each merge copied to t
    function _merge_sort!(v::AbstractVector{T}, lo::Int, hi::Int, o::Ordering) where {T}
        hi - lo < 1 && return v
        t = Vector{T}(undef, (hi - lo) ÷ 2 + 1)
        _merge_sort!(v, lo, hi, o, t)
    end
    function _merge_sort!(v::AbstractVector, lo::Int, hi::Int, o::Ordering, t::Vector)
        hi - lo < SMALL_THRESHOLD && return _insertion_sort!(v, lo, hi, o)
        m = midpoint(lo, hi)
        _merge_sort!(v, lo, m, o, t)
        _merge_sort!(v, m + 1, hi, o, t)
        lt(o, v[m + 1], v[m]) || return v
        n = m - lo + 1
        for i in 1:n
            t[i] = v[lo + i - 1]
        end
        i = 1
        j = m + 1
        k = lo
        while i <= n && j <= hi
            if lt(o, v[j], t[i])
                v[k] = v[j]
                j += 1
            else
                v[k] = t[i]
                i += 1
            end
            k += 1
        end
        while i <= n
            v[k] = t[i]
            k += 1
            i += 1
        end
        v
    end

    # partitions v[lo:hi] around a pivot (the median of three) and returns the pivot's final place j:
    # v[lo:j-1] are not after it, v[j+1:hi] not before it
    function _partition!(v::AbstractVector, lo::Int, hi::Int, o::Ordering)
        m = midpoint(lo, hi)
        lt(o, v[m], v[lo]) && _swap!(v, m, lo)
        lt(o, v[hi], v[m]) && (_swap!(v, hi, m); lt(o, v[m], v[lo]) && _swap!(v, m, lo))
        _swap!(v, lo, m)
        pivot = v[lo]
        i = lo + 1
        j = hi
        while true
            while i <= j && lt(o, v[i], pivot)
                i += 1
            end
            while i <= j && lt(o, pivot, v[j])
                j -= 1
            end
            i >= j && break
            _swap!(v, i, j)
            i += 1
            j -= 1
        end
        _swap!(v, lo, j)
        j
    end
    _swap!(v, i, j) = (x = v[i]; v[i] = v[j]; v[j] = x; nothing)

    # sorts the part of v[lo:hi] that lands on positions a:b, leaving the rest partitioned around it
    function _partial_quick_sort!(v::AbstractVector, lo::Int, hi::Int, a::Int, b::Int, o::Ordering)
        while hi - lo >= SMALL_THRESHOLD
            (hi < a || lo > b) && return v
            j = _partition!(v, lo, hi, o)
            if j - lo < hi - j
                _partial_quick_sort!(v, lo, j - 1, a, b, o)
                lo = j + 1
            else
                _partial_quick_sort!(v, j + 1, hi, a, b, o)
                hi = j - 1
            end
        end
        (hi < a || lo > b) || _insertion_sort!(v, lo, hi, o)
        v
    end

    # -- sort, sort!, sortperm
    _copymutable(v::AbstractVector) = collect(v)
    _copymutable(v::Vector) = copy(v)

    function sort!(v::AbstractVector; alg::Algorithm=defalg(v), lt=isless, by=identity,
            rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward, scratch=nothing)
        sort!(v, firstindex(v), lastindex(v), alg, ord(lt, by, rev, order))
        v
    end
    # (the keywords are passed by name, not splatted, so that inference sees sort's result type)
    sort(v::AbstractVector; alg::Algorithm=defalg(v), lt=isless, by=identity, rev::Union{Bool,Nothing}=nothing,
        order::Ordering=Forward, scratch=nothing) =
        sort!(_copymutable(v); alg=alg, lt=lt, by=by, rev=rev, order=order, scratch=scratch)
    # any other collection (keys and values of a Dict, a Set, a generator): a sorted vector of its elements
    sort(itr; kws...) = sort!(collect(itr); kws...)

    # sorting a matrix's columns (dims=1) or rows (dims=2)
    function sort!(A::AbstractMatrix; dims::Integer, alg::Algorithm=defalg(A), lt=isless, by=identity,
            rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward, scratch=nothing)
        o = ord(lt, by, rev, order)
        m, n = size(A)
        if dims == 1
            for j in 1:n
                c = [A[i, j] for i in 1:m]
                sort!(c, 1, m, alg, o)
                for i in 1:m
                    A[i, j] = c[i]
                end
            end
        elseif dims == 2
            for i in 1:m
                r = [A[i, j] for j in 1:n]
                sort!(r, 1, n, alg, o)
                for j in 1:n
                    A[i, j] = r[j]
                end
            end
        else
            throw(ArgumentError(string("dimension out of range")))
        end
        A
    end
    sort(A::AbstractMatrix; dims::Integer, kws...) = sort!(copy(A); dims=dims, kws...)

    function sortperm(v::AbstractVector; alg::Algorithm=DEFAULT_UNSTABLE, lt=isless, by=identity,
            rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward, scratch=nothing)
        ix = Vector{Int}(undef, length(v))
        k = 0
        for i in eachindex(v)
            ix[k += 1] = i
        end
        sort!(ix, 1, length(ix), alg, Perm(ord(lt, by, rev, order), v))
        ix
    end
    function sortperm!(ix::AbstractVector{<:Integer}, v::AbstractVector; alg::Algorithm=DEFAULT_UNSTABLE,
            lt=isless, by=identity, rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward,
            initialized::Bool=false, scratch=nothing, dims=nothing)
        dims === nothing || dims == 1 ||
            throw(ArgumentError(string("dims must be 1 for vectors")))
        length(ix) == length(v) || throw(ArgumentError("index vector must have the same length/indices as the source vector"))
        if !initialized
            k = firstindex(ix)
            for i in eachindex(v)
                ix[k] = i
                k += 1
            end
        end
        sort!(ix, firstindex(ix), lastindex(ix), alg, Perm(ord(lt, by, rev, order), v))
        ix
    end

    # -- partial sorts: the elements a full sort would put at k (an index or a range of them)
    _kindex(k::Integer) = Int(k)
    _kindex(k::OrdinalRange) = isempty(k) ? (1:0) : (Int(first(k)):Int(step(k)):Int(last(k)))
    _prange(k::Int) = k:k
    _prange(k::AbstractRange) = isempty(k) ? (1:0) : (min(first(k), last(k)):max(first(k), last(k)))
    _kvalue(v, k::Int) = v[k]
    _kvalue(v, k::AbstractRange) = [v[i] for i in k]

    function partialsort!(v::AbstractVector, k::Union{Integer,OrdinalRange}; lt=isless, by=identity,
            rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward, scratch=nothing)
        ki = _kindex(k)
        r = _prange(ki)
        isempty(r) || sort!(v, firstindex(v), lastindex(v), PartialQuickSort(r), ord(lt, by, rev, order))
        _kvalue(v, ki)
    end
    partialsort(v::AbstractVector, k::Union{Integer,OrdinalRange}; kws...) =
        partialsort!(_copymutable(v), k; kws...)

    function partialsortperm!(ix::AbstractVector{<:Integer}, v::AbstractVector, k::Union{Integer,OrdinalRange};
            lt=isless, by=identity, rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward,
            initialized::Bool=false, scratch=nothing)
        length(ix) == length(v) || throw(ArgumentError("The index vector is used as scratch space and must have the same length/indices as the source vector, $(axes(ix,1)) != $(axes(v,1))"))
        if !initialized
            j = firstindex(ix)
            for i in eachindex(v)
                ix[j] = i
                j += 1
            end
        end
        ki = _kindex(k)
        r = _prange(ki)
        isempty(r) || sort!(ix, firstindex(ix), lastindex(ix), PartialQuickSort(r), Perm(ord(lt, by, rev, order), v))
        _kvalue(ix, ki)
    end
    partialsortperm(v::AbstractVector, k::Union{Integer,OrdinalRange}; kws...) =
        partialsortperm!(Vector{Int}(undef, length(v)), v, k; kws...)

    # -- issorted
    function issorted(itr, o::Ordering)
        y = iterate(itr)
        y === nothing && return true
        prev, state = y
        y = iterate(itr, state)
        while y !== nothing
            this, state = y
            lt(o, this, prev) && return false
            prev = this
            y = iterate(itr, state)
        end
        true
    end
    issorted(itr; lt=isless, by=identity, rev::Union{Bool,Nothing}=nothing, order::Ordering=Forward) =
        issorted(itr, ord(lt, by, rev, order))

    # -- binary search: the first index whose element is not before x, the last whose element is not after x,
    # and the range between them
    function searchsortedfirst(v::AbstractVector, x, lo::Integer, hi::Integer, o::Ordering)
        lo = lo - one(lo)
        hi = hi + one(hi)
        while lo < hi - one(lo)
            m = midpoint(lo, hi)
            if lt(o, v[m], x)
                lo = m
            else
                hi = m
            end
        end
        hi
    end
    function searchsortedlast(v::AbstractVector, x, lo::Integer, hi::Integer, o::Ordering)
        lo = lo - one(lo)
        hi = hi + one(hi)
        while lo < hi - one(lo)
            m = midpoint(lo, hi)
            if lt(o, x, v[m])
                hi = m
            else
                lo = m
            end
        end
        lo
    end
    function searchsorted(v::AbstractVector, x, ilo::Integer, ihi::Integer, o::Ordering)
        a = searchsortedfirst(v, x, ilo, ihi, o)
        b = searchsortedlast(v, x, ilo, ihi, o)
        b < a ? (a:a-1) : (a:b)
    end
    for s in (:searchsortedfirst, :searchsortedlast, :searchsorted)
        @eval begin
            $s(v::AbstractVector, x, o::Ordering) = $s(v, x, firstindex(v), lastindex(v), o)
            $s(v::AbstractVector, x; lt=isless, by=identity, rev::Union{Bool,Nothing}=nothing,
                order::Ordering=Forward) = $s(v, x, ord(lt, by, rev, order))
        end
    end
    insorted(x, v::AbstractVector; kws...) = !isempty(searchsorted(v, x; kws...))
end

using .Sort
import .Sort: InsertionSort, MergeSort, QuickSort, PartialQuickSort, DEFAULT_STABLE, DEFAULT_UNSTABLE
