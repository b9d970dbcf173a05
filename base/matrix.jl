# Matrices: construction (hcat, hvcat), reshape, slicing with `:`, printing as Julia does.
const Colon = typeof(:)
# t[:] of a tuple or named tuple is itself
getindex(t::Union{Tuple,NamedTuple}, ::Colon) = t
function _matrix(::Type{T}, m::Int, n::Int) where T
    ccall(:jl_alloc_array, Any, (Any, Any), Array{T,2}, (m, n))::Array{T,2}
end
hvcat(rows::Tuple, xs...) = typed_hvcat(_cat_eltype(xs), rows, xs...)
hcat(xs...) = typed_hcat(_cat_eltype(xs), xs...)
# concatenation of arrays and scalars: a scalar is 1x1, a vector one column
_catsize(x::Union{AbstractVector,AbstractRange}) = (length(x), 1)
_catsize(x::AbstractMatrix) = size(x)
_catsize(x) = (1, 1)
_catget(x::Union{AbstractVector,AbstractRange}, i::Int, j::Int) = x[i]
_catget(x::AbstractMatrix, i::Int, j::Int) = x[i, j]
_catget(x, i::Int, j::Int) = x
_cat_eltype1(x::Union{AbstractArray,AbstractRange}) = eltype(x)
_iscatarray(x) = x isa Union{AbstractArray,AbstractRange}
_cat_eltype1(x) = typeof(x)
function _cat_eltype(xs::Tuple)
    any(_iscatarray, xs) || return _eltype_of(xs)
    length(xs) == 0 && return Any
    T = _cat_eltype1(xs[1])
    for i in 2:length(xs)
        T = promote_type(T, _cat_eltype1(xs[i]))
    end
    T
end
function _hcat_into(::Type{T}, xs) where T
    m = _catsize(xs[1])[1]
    n = 0
    for x in xs
        s = _catsize(x)
        s[1] == m || throw(DimensionMismatch("number of rows of each array must match (got $(Tuple(_catsize(y)[1] for y in xs)))"))
        n += s[2]
    end
    a = _matrix(T, m, n)
    c = 0
    for x in xs
        k = _catsize(x)[2]
        for j in 1:k
            for i in 1:m
                a[i, c+j] = _catget(x, i, j)
            end
        end
        c += k
    end
    a
end
function _vcat_into(::Type{T}, xs) where T
    n = _catsize(xs[1])[2]
    m = 0
    for x in xs
        s = _catsize(x)
        s[2] == n || throw(DimensionMismatch("number of columns of each array must match (got $(Tuple(_catsize(y)[2] for y in xs)))"))
        m += s[1]
    end
    a = _matrix(T, m, n)
    r = 0
    for x in xs
        k = _catsize(x)[1]
        for j in 1:n
            for i in 1:k
                a[r+i, j] = _catget(x, i, j)
            end
        end
        r += k
    end
    a
end
# `[a b; c d]` and the typed literals `T[a b; c d]`, `T[a b c]` and `T[a; b; c]` (each element converted to T)
function typed_hvcat(::Type{T}, rows::Tuple, xs...) where T
    if any(_iscatarray, xs)
        # a block matrix: each row of blocks side by side, the rows stacked
        blocks = Any[]
        k = 0
        for r in rows
            push!(blocks, _hcat_into(T, xs[k+1:k+r]))
            k += r
        end
        return _vcat_into(T, blocks)
    end
    m = length(rows)
    n = rows[1]
    for i in 2:m
        rows[i] == n || throw(DimensionMismatch("row $(i) has mismatched number of columns (expected $n, got $(rows[i]))"))
    end
    a = _matrix(T, m, n)
    k = 1
    for i in 1:m
        for j in 1:n
            a[i, j] = xs[k]
            k += 1
        end
    end
    a
end
function typed_hcat(::Type{T}, xs...) where T
    length(xs) > 0 && any(_iscatarray, xs) && return _hcat_into(T, xs)
    a = _matrix(T, 1, length(xs))
    for j in 1:length(xs)
        a[1, j] = xs[j]
    end
    a
end
function typed_vcat(::Type{T}, xs...) where T
    any(x -> x isa AbstractMatrix, xs) && return _vcat_into(T, xs)
    out = T[]
    for x in xs
        x isa Union{Vector,AbstractRange} ? append!(out, x) : push!(out, x)
    end
    out
end
function reshape(v::Vector{T}, m::Int, n::Int) where T
    m * n == length(v) || throw(DimensionMismatch("new dimensions ($m, $n) must be consistent with array size $(length(v))"))
    ccall(:jl_reshape, Any, (Any, Any, Any), Array{T,2}, v, (m, n))::Array{T,2}
end
reshape(v::Vector, dims::Tuple{Int,Int}) = reshape(v, dims[1], dims[2])
reshape(r::AbstractRange, dims::Tuple{Vararg{Int}}) = reshape(collect(r), dims)
# circshift(a, shifts): a's elements moved circularly by shifts[d] along each dimension d (an integer: the first)
function circshift(a::AbstractArray, shifts)
    sz = size(a)
    sh = shifts isa Integer ? (Int(shifts),) : shifts isa Tuple ? shifts : Tuple(shifts)
    b = reshape(Vector{eltype(a)}(undef, length(a)), sz)
    for lin in 0:length(a)-1
        r = lin
        src = 0
        stride = 1
        for d in 1:length(sz)
            i = rem(r, sz[d])
            r = div(r, sz[d])
            j = mod(i - (d <= length(sh) ? sh[d] : 0), sz[d])
            src += j * stride
            stride *= sz[d]
        end
        b[lin+1] = a[src+1]
    end
    b
end
# any other number of dimensions: the vector's elements, shared, in an array of that shape
function reshape(v::Vector{T}, dims::Tuple{Vararg{Int}}) where T
    prod(dims) == length(v) ||
        throw(DimensionMismatch("new dimensions $(dims) must be consistent with array size $(length(v))"))
    ccall(:jl_reshape, Any, (Any, Any, Any), Array{T,length(dims)}, v, dims)
end
vec(a::Array{T,N}) where {T,N} = ccall(:jl_reshape, Any, (Any, Any, Any), Array{T,1}, a, (length(a),))
vec(a::Vector) = a
zeros(::Type{T}, m::Int, n::Int) where T = (a = _matrix(T, m, n); for i in 1:length(a); Core.arrayset(true, a, zero(T), i); end; a)
zeros(m::Int, n::Int) = zeros(Float64, m, n)
function fill(x, m::Int, n::Int)
    a = _matrix(typeof(x), m, n)
    for i in 1:m*n
        Core.arrayset(true, a, x, i)
    end
    a
end
(::Type{Array{T,2}})(::UndefInitializer, dims::Tuple) where T = _matrix(T, dims[1], dims[2])::Array{T,2}
length(a::Array{T,2}) where T = Core.arraylen(a)
getindex(a::Array{T,2}, i::Int) where T = Core.arrayref(true, a, i)
getindex(a::Array{T,2}, i::Int, ::Colon) where T = [a[i, j] for j in 1:size(a, 2)]
getindex(a::Array{T,2}, ::Colon, j::Int) where T = [a[i, j] for i in 1:size(a, 1)]
setindex!(a::Array{T,2}, v, i::Int) where T = Core.arrayset(true, a, convert(T, v), i)
axes(a::Array{T,2}) where T = (1:size(a, 1), 1:size(a, 2))
axes(a::Array, d::Int) = 1:size(a, d)
firstindex(a::Array, d::Int) = 1
eachindex(a::Array{T,2}) where T = 1:length(a)
iterate(a::Array{T,2}, i::Int=1) where T = i > length(a) ? nothing : (a[i], i + 1)
function permutedims(a::Array{T,2}) where T
    m, n = size(a)
    b = _matrix(T, n, m)
    for i in 1:m, j in 1:n
        b[j, i] = a[i, j]
    end
    b
end
transpose(a::Array{T,2}) where T = permutedims(a)
# the element type is shown as for vectors (show.jl), and so are Bool and Float32 elements under it
function show(io::IO, a::Array{T,2}) where T
    m, n = size(a)
    # an empty matrix shows how to make it; a one-column one ends in `;;` (else it would read as a vector)
    isempty(a) && return (show(io, typeof(a)); print(io, "(undef, ", m, ", ", n, ")"))
    _typeinfo_implicit(T) || show(io, T)
    write(io, "[")
    for i in 1:m
        i > 1 && write(io, "; ")
        for j in 1:n
            j > 1 && write(io, " ")
            x = a[i, j]
            T === Bool ? write(io, x ? "1" : "0") : T === Float32 ? print(io, x) : show(io, x)
        end
    end
    n == 1 && write(io, ";;")  # a column: [x; y] would be a vector
    write(io, "]")
end
collect(p::_Product) = collect(Generator(identity, p))
function collect(a::Array{T,2}) where T
    b = Array{T,2}(undef, size(a, 1), size(a, 2))
    for i in 1:length(a)
        b[i] = a[i]
    end
    b
end
length(p::_Product) = length(p.a) * length(p.b)
eltype(::Type{_Product{A,B}}) where {A,B} = Tuple{eltype(A),eltype(B)}
# as a vector's collect: the matrix starts with the first element's type and widens in a fresh call, so that
# `[f(x, y) for x in a, y in b]` infers as a Matrix; an empty one takes its type from inference of f
function collect(g::Generator{F,I}) where {F,I<:_Product}
    m = length(g.iter.a)
    n = length(g.iter.b)
    y = iterate(g)
    y === nothing && return Array{ccall(:jl_return_type, Any, (Any, Any), g.f, (eltype(g.iter),)),2}(undef, m, n)
    v1, st = y
    dest = Vector{typeof(v1)}(undef, m * n)
    dest[1] = v1
    reshape(_collect_fill!(dest, g, st, 2), m, n)
end

# arrays of three or more dimensions: made by reshape, zeros, fill or Array{T,N}(undef, dims...); indexed by
# Cartesian indices through their column-major linear index
function (::Type{Array{T,N}})(::UndefInitializer, d1::Int, d2::Int, d3::Int, ds::Int...) where {T,N}
    ccall(:jl_alloc_array, Any, (Any, Any), Array{T,N}, (d1, d2, d3, ds...))::Array{T,N}
end
size(a::Array{T,N}) where {T,N} = Tuple(Int[Core.arraysize(a, d) for d in 1:N])
function _linear_index(a::Array, i::Int, j::Int, k::Int, rest::Tuple)
    I = (i, j, k, rest...)
    lin = 0
    stride = 1
    for d in 1:length(I)
        n = size(a, d)
        1 <= I[d] <= n || throw(BoundsError(a, I))
        lin += (I[d] - 1) * stride
        stride *= n
    end
    lin + 1
end
getindex(a::Array, i::Int, j::Int, k::Int, rest::Int...) = Core.arrayref(true, a, _linear_index(a, i, j, k, rest))
setindex!(a::Array{T}, v, i::Int, j::Int, k::Int, rest::Int...) where T = Core.arrayset(true, a, convert(T, v), _linear_index(a, i, j, k, rest))
function reshape(v::Union{Vector{T},AbstractRange{T}}, d1::Int, d2::Int, d3::Int, ds::Int...) where T
    dims = (d1, d2, d3, ds...)
    prod(dims) == length(v) || throw(DimensionMismatch("new dimensions $(dims) must be consistent with array size $(length(v))"))
    a = Array{T,length(dims)}(undef, dims...)
    for k in 1:length(v)
        a[k] = v[k]
    end
    a
end
zeros(::Type{T}, d1::Int, d2::Int, d3::Int, ds::Int...) where T = fill(zero(T), d1, d2, d3, ds...)
zeros(d1::Int, d2::Int, d3::Int, ds::Int...) = zeros(Float64, d1, d2, d3, ds...)
function fill(x, d1::Int, d2::Int, d3::Int, ds::Int...)
    a = Array{typeof(x),3 + length(ds)}(undef, d1, d2, d3, ds...)
    for k in 1:length(a)
        a[k] = x
    end
    a
end

# products and sums of matrices and vectors (every Julia session has them, from LinearAlgebra)
function (*)(A::Matrix, B::Matrix)
    m, k = size(A)
    k2, n = size(B)
    k == k2 || throw(DimensionMismatch("matrix A has dimensions ($m,$k), matrix B has dimensions ($k2,$n)"))
    T = promote_type(eltype(A), eltype(B))
    C = _matrix(T, m, n)
    # A's rows copied into columns first, so that each product of a row and a column reads both in storage order;
    # elements are read by their linear index (one comparison against the length, compiled in place)
    At = _matrix(eltype(A), k, m)
    for i in 1:m, l in 1:k
        At[l + (i - 1) * k] = A[i + (l - 1) * m]
    end
    for j in 1:n
        bj = (j - 1) * k
        for i in 1:m
            ai = (i - 1) * k
            s = zero(T)
            for l in 1:k
                s += At[l + ai] * B[l + bj]
            end
            C[i + (j - 1) * m] = s
        end
    end
    C
end
function (*)(A::Matrix, x::Vector)
    m, k = size(A)
    k == length(x) || throw(DimensionMismatch("matrix A has dimensions ($m,$k), vector B has length $(length(x))"))
    T = promote_type(eltype(A), eltype(x))
    y = Vector{T}(undef, m)
    for i in 1:m
        s = zero(T)
        for l in 1:k
            s += A[i, l] * x[l]
        end
        y[i] = s
    end
    y
end
(*)(x::Vector, A::Matrix) = reshape(x, length(x), 1) * A
(*)(x::Number, A::Matrix) = x .* A
(*)(A::Matrix, x::Number) = A .* x
(/)(A::Matrix, x::Number) = A ./ x
(-)(A::Matrix) = .-A
function (+)(A::Matrix, B::Matrix)
    size(A) == size(B) || throw(DimensionMismatch("dimensions must match: a has dims $(size(A)), b has dims $(size(B))"))
    A .+ B
end
function (-)(A::Matrix, B::Matrix)
    size(A) == size(B) || throw(DimensionMismatch("dimensions must match: a has dims $(size(A)), b has dims $(size(B))"))
    A .- B
end
transpose(v::Vector) = permutedims(reshape(v, length(v), 1))
# integer powers of a square matrix: A^0 is the identity, a negative power one of inv(A) (from LinearAlgebra)
function one(A::Matrix{T}) where T
    m, n = size(A)
    m == n || throw(DimensionMismatch("multiplicative identity defined only for square matrices"))
    I = fill(zero(T), m, n)
    for i in 1:m
        I[i, i] = one(T)
    end
    I
end
function (^)(A::Matrix, p::Integer)
    m, n = size(A)
    m == n || throw(DimensionMismatch("matrix is not square: dimensions are $(size(A))"))
    p < 0 && return power_by_squaring(inv(A), -p)
    p == 1 && return copy(A)
    power_by_squaring(A, p)
end
reshape(r::AbstractRange, m::Int, n::Int) = reshape(collect(r), m, n)
# one size given as `:`: the length the others leave
function _colon_dim(len::Int, other::Int)
    other != 0 && len % other == 0 || throw(DimensionMismatch("array size $len must be divisible by the product of the new dimensions $((other,))"))
    div(len, other)
end
reshape(v::Union{Vector,AbstractRange,Matrix}, ::Colon, n::Int) = reshape(vec(v), _colon_dim(length(v), n), n)
reshape(v::Union{Vector,AbstractRange,Matrix}, m::Int, ::Colon) = reshape(vec(v), m, _colon_dim(length(v), m))
reshape(a::Matrix, m::Int, n::Int) = reshape(vec(a), m, n)
vec(r::AbstractRange) = collect(r)

# copies, conversions and blocks of matrices
copy(a::Array{T,2}) where T = (b = _matrix(T, size(a, 1), size(a, 2)); for i in 1:length(a); b[i] = a[i]; end; b)
similar(a::Array{T,2}) where T = _matrix(T, size(a, 1), size(a, 2))
similar(a::Array{T,2}, ::Type{S}) where {T,S} = _matrix(S, size(a, 1), size(a, 2))
function (::Type{Array{S,2}})(a::Array{T,2}) where {S,T}
    b = _matrix(S, size(a, 1), size(a, 2))
    for i in 1:length(a)
        b[i] = convert(S, a[i])
    end
    b
end
float(a::Array{T,2}) where T = Array{typeof(float(zero(T))),2}(a)
# (the element type is float of the element type: float([1, missing]) is a Vector{Union{Missing, Float64}})
float(a::Vector{T}) where T =
    T isa Union || isconcretetype(T) ? Vector{_float_type(T)}([float(x) for x in a]) : [float(x) for x in a]
_float_type(T) = T isa Union ? Union{_float_type(T.a), _float_type(T.b)} : T === Missing ? Missing : typeof(float(zero(T)))
float(a::Array{T,N}) where {T,N} = reshape([float(a[i]) for i in 1:length(a)], size(a))
const _MatIdx = Union{Colon,AbstractRange,Vector{Int}}
_idx(a::Array, d::Int, ::Colon) = 1:size(a, d)
_idx(a::Array, d::Int, r) = r
function getindex(a::Array{T,2}, I::_MatIdx, J::_MatIdx) where T
    rs = _idx(a, 1, I)
    cs = _idx(a, 2, J)
    b = _matrix(T, length(rs), length(cs))
    for (jj, j) in enumerate(cs), (ii, i) in enumerate(rs)
        b[ii, jj] = a[i, j]
    end
    b
end
getindex(a::Array{T,2}, i::Int, J::Union{AbstractRange,Vector{Int}}) where T = [a[i, j] for j in J]
getindex(a::Array{T,2}, I::Union{AbstractRange,Vector{Int}}, j::Int) where T = [a[i, j] for i in I]

# rotations and reversals of matrices
function rot180(a::Array{T,2}) where T
    m, n = size(a)
    b = _matrix(T, m, n)
    for j in 1:n, i in 1:m
        b[m+1-i, n+1-j] = a[i, j]
    end
    b
end
function rotl90(a::Array{T,2}) where T
    m, n = size(a)
    b = _matrix(T, n, m)
    for j in 1:n, i in 1:m
        b[n+1-j, i] = a[i, j]
    end
    b
end
function rotr90(a::Array{T,2}) where T
    m, n = size(a)
    b = _matrix(T, n, m)
    for j in 1:n, i in 1:m
        b[j, m+1-i] = a[i, j]
    end
    b
end
rotl90(a::Array{T,2}, k::Integer) where T = (k = mod(k, 4); k == 0 ? copy(a) : k == 1 ? rotl90(a) : k == 2 ? rot180(a) : rotr90(a))
rotr90(a::Array{T,2}, k::Integer) where T = rotl90(a, -k)
rot180(a::Array{T,2}, k::Integer) where T = iseven(k) ? copy(a) : rot180(a)
function reverse(a::Array{T,2}; dims=:) where T
    m, n = size(a)
    dims === (:) && return rot180(a)
    (dims == 1 || dims == 2) || throw(ArgumentError("invalid dimension $dims ≥ 3"))
    b = _matrix(T, m, n)
    for j in 1:n, i in 1:m
        b[dims == 1 ? m + 1 - i : i, dims == 2 ? n + 1 - j : j] = a[i, j]
    end
    b
end
transpose(r::AbstractRange) = transpose(collect(r))
# map over a matrix keeps its shape
map(f, a::Array{T,2}) where T = reshape(map(f, vec(a)), size(a, 1), size(a, 2))

# view(A, I...): the elements of A at I that share A's storage, as a vector (A by a range, a vector of indices or a
# colon; a matrix's column or row). `lin` holds the positions in A's linear order; N is 1, L is false.
struct SubArray{T,N,P,I,L} <: AbstractArray{T,N}
    parent::P
    indices::I
    lin::Vector{Int}
end
_subarray(A, indices, lin::Vector{Int}) = SubArray{eltype(A),1,typeof(A),typeof(indices),false}(A, indices, lin)
function _view_checked(A, lin::Vector{Int}, I)
    for k in lin
        1 <= k <= length(A) || throw(BoundsError(A, I))
    end
    lin
end
view(A::AbstractVector, I::AbstractVector{<:Integer}) = _subarray(A, (I,), _view_checked(A, Int[Int(i) for i in I], I))
view(A::AbstractVector, c::Colon) = _subarray(A, (c,), collect(1:length(A)))
function view(A::AbstractMatrix, c::Colon, j::Integer)
    m, n = size(A)
    1 <= j <= n || throw(BoundsError(A, (c, j)))
    _subarray(A, (c, j), collect((Int(j) - 1) * m + 1:Int(j) * m))
end
function view(A::AbstractMatrix, i::Integer, c::Colon)
    m, n = size(A)
    1 <= i <= m || throw(BoundsError(A, (i, c)))
    _subarray(A, (i, c), Int[Int(i) + (j - 1) * m for j in 1:n])
end
size(S::SubArray) = (length(S.lin),)
length(S::SubArray) = length(S.lin)
getindex(S::SubArray, i::Int) = S.parent[S.lin[i]]
setindex!(S::SubArray, v, i::Int) = (S.parent[S.lin[i]] = v; S)
parent(S::SubArray) = S.parent
parentindices(S::SubArray) = S.indices

# permute!(v, p): v becomes v[p]; invpermute!(v, p) undoes it
function permute!(v::AbstractVector, p::AbstractVector)
    c = [v[i] for i in p]
    for k in 1:length(c)
        v[k] = c[k]
    end
    v
end
function invpermute!(v::AbstractVector, p::AbstractVector)
    c = collect(v)
    for k in 1:length(p)
        v[p[k]] = c[k]
    end
    v
end
# (Julia's arrays may have other first indices; these are all one-based)
require_one_based_indexing(A...) = true
