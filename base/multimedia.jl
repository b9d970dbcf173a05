# Multimedia I/O: IOContext, MIME types, `show(io, MIME"text/plain"(), x)` and `display`, as Julia prints them.

show(io::IO, ctx::IOContext) = (print(io, "IOContext("); show(io, ctx.io); print(io, ")"))

# the rows and columns of the terminal: $LINES and $COLUMNS, 24×80 when unset (a stream that is no terminal)
function displaysize()
    r = ccall(:jl_getenv, Any, (String,), "LINES")
    c = ccall(:jl_getenv, Any, (String,), "COLUMNS")
    (r === nothing ? 24 : parse(Int, r), c === nothing ? 80 : parse(Int, c))
end
displaysize(io::IO) = displaysize()
displaysize(io::IOContext) = haskey(io, :displaysize) ? io[:displaysize] : displaysize(io.io)

# -- MIME types: MIME"text/plain" is MIME{Symbol("text/plain")}
struct MIME{mime} end
MIME(s) = MIME{Symbol(s)}()
macro MIME_str(s)
    :(MIME{$(QuoteNode(Symbol(s)))})
end
show(io::IO, ::MIME{mime}) where mime = print(io, "MIME type ", string(mime))
print(io::IO, ::MIME{mime}) where mime = print(io, string(mime))

# the plain-text form is `show` unless a type says more
show(io::IO, ::MIME{Symbol("text/plain")}, x) = show(io, x)
show(io::IO, m::AbstractString, x) = show(io, MIME(m), x)

# -- summaries: "3-element Vector{Int64}", "2×3 Matrix{Float64}", "Dict{String, Int64} with 2 entries"
summary(x) = sprint(summary, x)
summary(io::IO, x) = show(io, typeof(x))
function _dims_string(d::Tuple)
    length(d) == 1 && return string(d[1], "-element")
    s = string(d[1])
    for k in 2:length(d)
        s = string(s, "×", d[k])
    end
    s
end
summary(io::IO, a::Array) = (print(io, _dims_string(size(a)), " "); show(io, typeof(a)))
summary(io::IO, r::AbstractRange) = (print(io, length(r), "-element "); show(io, typeof(r)))
summary(io::IO, d::Dict) = (show(io, typeof(d)); print(io, " with ", length(d), length(d) == 1 ? " entry" : " entries"))
summary(io::IO, s::Set) = (show(io, typeof(s)); print(io, " with ", length(s), length(s) == 1 ? " element" : " elements"))

keytype(::Dict{K,V}) where {K,V} = K
valtype(::Dict{K,V}) where {K,V} = V

# a string cut to `width` characters, its last one replaced by …
_truncate_at_width(s::String, width::Int) = length(s) <= width ? s : string(first(s, max(width - 1, 0)), "…")
textwidth(c::Char) = ccall(:jl_char_width, Int, (Char,), c)
textwidth(s::String) = ccall(:jl_text_width, Int, (String,), s)
textwidth(s::AbstractString) = textwidth(String(s))

# -- Chars: 'a': ASCII/Unicode U+0061 (category Ll: Letter, lowercase)
const _category_names = Dict(
    "Cn" => "Other, not assigned", "Lu" => "Letter, uppercase", "Ll" => "Letter, lowercase",
    "Lt" => "Letter, titlecase", "Lm" => "Letter, modifier", "Lo" => "Letter, other", "Mn" => "Mark, nonspacing",
    "Mc" => "Mark, spacing combining", "Me" => "Mark, enclosing", "Nd" => "Number, decimal digit",
    "Nl" => "Number, letter", "No" => "Number, other", "Pc" => "Punctuation, connector", "Pd" => "Punctuation, dash",
    "Ps" => "Punctuation, open", "Pe" => "Punctuation, close", "Pi" => "Punctuation, initial quote",
    "Pf" => "Punctuation, final quote", "Po" => "Punctuation, other", "Sm" => "Symbol, math",
    "Sc" => "Symbol, currency", "Sk" => "Symbol, modifier", "So" => "Symbol, other", "Zs" => "Separator, space",
    "Zl" => "Separator, line", "Zp" => "Separator, paragraph", "Cc" => "Other, control", "Cf" => "Other, format",
    "Cs" => "Other, surrogate", "Co" => "Other, private use", "Ma" => "Malformed, bad data")
function show(io::IO, ::MIME{Symbol("text/plain")}, c::Char)
    show(io, c)
    get(io, :compact, false) && return
    print(io, ": ")
    isascii(c) && print(io, "ASCII/")
    print(io, "Unicode U+", uppercase(string(UInt32(c), base=16, pad=4)))
    cat = ccall(:jl_char_category, String, (Char,), c)
    print(io, " (category ", cat, ": ", _category_names[cat], ")")
end

# -- functions: "f (generic function with 2 methods)"
function show(io::IO, ::MIME{Symbol("text/plain")}, f::Function)
    get(io, :compact, false) && return show(io, f)
    n = length(methods(f))
    name = ccall(:jl_function_name, String, (Any,), f)
    # an anonymous function is named by its number, #1
    startswith(name, "anon#") && (name = name[5:end])
    if n == 0
        print(io, name, " (built-in function)")
    else
        print(io, name, startswith(name, "@") ? " (macro with " : " (generic function with ", n, n == 1 ? " method)" : " methods)")
    end
end

# -- Dicts and Sets: a summary line, then one line per entry, cut to the display when :limit is set
function show(io::IO, ::MIME{Symbol("text/plain")}, t::Dict)
    isempty(t) && return show(io, t)
    recur_io = haskey(io, :compact) ? io : IOContext(io, :compact => true)
    recur_io_k = IOContext(recur_io, :typeinfo => keytype(t))
    recur_io_v = IOContext(recur_io, :typeinfo => valtype(t))
    limit = get(io, :limit, false)
    summary(io, t)
    print(io, ":")
    keywidth = 0
    rows = cols = typemax(Int)
    if limit
        sz = displaysize(io)
        rows, cols = sz[1] - 3, sz[2]
        rows < 2 && return print(io, " …")
        cols < 12 && (cols = 12)  # at least 2 columns for the key and 4 for the value
        cols -= 6                 # the "  " before and the " => " between
        rows -= 1                 # the summary line
        ks = String[]
        vs = String[]
        valwidth = 0
        for (k, v) in t
            length(ks) >= rows && break
            push!(ks, sprint(show, k; context=recur_io_k))
            push!(vs, sprint(show, v; context=recur_io_v))
            keywidth = clamp(length(ks[end]), keywidth, cols)
            valwidth = clamp(length(vs[end]), valwidth, cols)
        end
        if keywidth > max(div(cols, 2), cols - valwidth)
            keywidth = max(cld(cols, 3), cols - valwidth)
        end
    end
    i = 0
    for (k, v) in t
        i += 1
        print(io, "\n  ")
        if i == rows && rows < length(t)
            print(io, rpad("⋮", keywidth), " => ⋮")
            break
        end
        if limit
            print(io, rpad(_truncate_at_width(ks[i], keywidth), keywidth), " => ", _truncate_at_width(vs[i], cols - keywidth))
        else
            show(recur_io_k, k)
            print(io, " => ")
            show(recur_io_v, v)
        end
    end
end
function show(io::IO, ::MIME{Symbol("text/plain")}, t::Set)
    isempty(t) && return show(io, t)
    limit = get(io, :limit, false)
    summary(io, t)
    print(io, ":")
    rows = cols = typemax(Int)
    if limit
        sz = displaysize(io)
        rows, cols = sz[1] - 3, sz[2]
        rows < 2 && return print(io, " …")
        cols -= 2                # the "  " before each element
        cols < 4 && (cols = 4)
        rows -= 1                # the summary line
    end
    i = 0
    for v in t
        i += 1
        print(io, "\n  ")
        if i == rows && rows < length(t)
            print(io, rpad("⋮", 2))
            break
        end
        if limit
            print(io, _truncate_at_width(sprint(show, v; context=io), cols))
        else
            show(io, v)
        end
    end
end

# -- arrays: the summary, then the elements in aligned columns (arrayshow)

# how an element's text is split for alignment: (characters left of the alignment point, characters right of it)
alignment(io::IO, x) = (0, length(sprint(show, x; context=io)))
alignment(io::IO, x::Integer) = (length(sprint(show, x; context=io)), 0)
function alignment(io::IO, x::Real)
    s = sprint(show, x; context=io)
    m = match(r"^(.*?)((?:[\.eEfF].*)?)$", s)
    m === nothing ? (length(s), 0) : (length(m.captures[1]), length(m.captures[2]))
end
function alignment(io::IO, x::Complex)
    s = sprint(show, x; context=io)
    m = match(r"^(.*[^ef][\+\-])(.*)$", s)
    m === nothing ? (length(s), 0) : (length(m.captures[1]), length(m.captures[2]))
end
const _undef_ref_alignment = (3, 3)

# the element at row i, column j of a vector or matrix
_elt(X::Vector, i::Int, j::Int) = X[i]
_elt(X::Matrix, i::Int, j::Int) = X[i, j]
_assigned(X::Vector, i::Int, j::Int) = isassigned(X, i)
_assigned(X::Matrix, i::Int, j::Int) = isassigned(X, i, j)
_ncols(X::Vector) = 1
_ncols(X::Matrix) = size(X, 2)

# the (left, right) widths of the columns `cols` over the rows `rows`, as many columns as fit in the width
function alignment(io::IO, X::Union{Vector,Matrix}, rows::Vector{Int}, cols::Vector{Int}, cols_if_complete::Int, cols_otherwise::Int, sep::Int)
    a = Tuple{Int,Int}[]
    for j in cols
        l = r = 0
        for i in rows
            aij = _assigned(X, i, j) ? alignment(io, _elt(X, i, j)) : _undef_ref_alignment
            l = max(l, aij[1])
            r = max(r, aij[2])
        end
        push!(a, (l, r))
        if length(a) > 1 && _width(a) + sep * length(a) >= cols_if_complete
            pop!(a)
            break
        end
    end
    if 1 < length(a) < _ncols(X)
        while _width(a) + sep * length(a) >= cols_otherwise
            pop!(a)
        end
    end
    a
end
function _width(a::Vector{Tuple{Int,Int}})
    w = 0
    for x in a
        w += x[1] + x[2]
    end
    w
end

function print_matrix_row(io::IO, X::Union{Vector,Matrix}, A::Vector{Tuple{Int,Int}}, i::Int, cols::Vector{Int}, sep::String)
    for k in 1:length(cols)
        k > length(A) && break
        j = cols[k]
        if _assigned(X, i, j)
            x = _elt(X, i, j)
            a = alignment(io, x)
            # the text/plain form, as Julia prints elements, unless it takes more than one line
            sx = sprint(show, MIME"text/plain"(), x; context=io)
            occursin('\n', sx) && (sx = sprint(show, x; context=io))
        else
            a = _undef_ref_alignment
            sx = "#undef"
        end
        l = repeat(" ", A[k][1] - a[1])
        r = j == _ncols(X) ? "" : repeat(" ", A[k][2] - a[2])
        print(io, l, sx, r)
        k < length(A) && print(io, sep)
    end
end

function print_matrix_vdots(io::IO, vdots::String, A::Vector{Tuple{Int,Int}}, sep::String, M::Int, m::Int)
    for k in 1:length(A)
        w = A[k][1] + A[k][2]
        if k % M == m
            l = repeat(" ", max(0, A[k][1] - length(vdots)))
            r = repeat(" ", max(0, w - length(vdots) - length(l)))
            print(io, l, vdots, r)
        else
            print(io, repeat(" ", w))
        end
        k < length(A) && print(io, sep)
    end
end

# prints a vector or matrix; under :limit only its corners, with ⋮, … and ⋱ between
function print_matrix(io::IO, X::Union{Vector,Matrix}, pre::String=" ", sep::String="  ", post::String="",
                      hdots::String="  …  ", vdots::String="⋮", ddots::String="  ⋱  ", hmod::Int=5, vmod::Int=5)
    if !get(io, :limit, false)
        screenheight = screenwidth = typemax(Int)
    else
        sz = displaysize(io)
        screenheight, screenwidth = sz[1] - 4, sz[2]
    end
    screenwidth -= length(pre) + length(post)
    presp = repeat(" ", length(pre))
    postsp = ""
    sepsize = length(sep)
    m, n = size(X, 1), _ncols(X)
    rowsA = collect(1:m)
    colsA = collect(1:n)
    halfheight = div(screenheight, 2)
    if m > screenheight
        rowsA = vcat(collect(1:halfheight), collect(m - div(screenheight - 1, 2) + 1:m))
    end
    maxpossiblecols = div(screenwidth, 1 + sepsize)
    if n > maxpossiblecols
        colsA = vcat(collect(1:maxpossiblecols), collect(n - maxpossiblecols + 1:n))
    end
    A = alignment(io, X, rowsA, colsA, screenwidth, screenwidth, sepsize)
    if n <= length(A)
        # every column fits
        for i in rowsA
            print(io, i == first(rowsA) ? pre : presp)
            print_matrix_row(io, X, A, i, colsA, sep)
            print(io, i == last(rowsA) ? post : postsp)
            m > screenheight ? (i != rowsA[end] || i == rowsA[halfheight]) && println(io) : i != last(rowsA) && println(io)
            if m > screenheight && i == rowsA[halfheight]
                print(io, i == first(rowsA) ? pre : presp)
                print_matrix_vdots(io, vdots, A, sep, vmod, 1)
                print(io, i == last(rowsA) ? post : postsp * "\n")
            end
        end
    else
        # columns cut: the first ones, …, the last ones
        c = div(screenwidth - length(hdots) + 1, 2) + 1
        Ralign = reverse(alignment(io, X, rowsA, reverse(colsA), c, c, sepsize))
        c = screenwidth - _width(Ralign) - (length(Ralign) - 1) * sepsize - length(hdots)
        Lalign = alignment(io, X, rowsA, colsA, c, c, sepsize)
        r = mod(length(Ralign) - n + 1, vmod)
        for i in rowsA
            print(io, i == first(rowsA) ? pre : presp)
            print_matrix_row(io, X, Lalign, i, colsA[1:length(Lalign)], sep)
            print(io, (i - first(rowsA)) % hmod == 0 ? hdots : repeat(" ", length(hdots)))
            print_matrix_row(io, X, Ralign, i, collect(n - length(Ralign) + 1:n), sep)
            print(io, i == last(rowsA) ? post : postsp)
            m > screenheight ? (i != rowsA[end] || i == rowsA[halfheight]) && println(io) : i != last(rowsA) && println(io)
            if m > screenheight && i == rowsA[halfheight]
                print(io, i == first(rowsA) ? pre : presp)
                print_matrix_vdots(io, vdots, Lalign, sep, vmod, 1)
                print(io, ddots)
                print_matrix_vdots(io, vdots, Ralign, sep, vmod, r)
                print(io, i == last(rowsA) ? post : postsp * "\n")
            end
        end
    end
end

# the slice a[:, :, I...] of an array of three or more dimensions, as a matrix
function _slice(a::Array{T}, I::Tuple) where T
    m, n = size(a, 1), size(a, 2)
    off = 0
    stride = m * n
    for d in 1:length(I)
        off += (I[d] - 1) * stride
        stride *= size(a, d + 2)
    end
    s = _matrix(T, m, n)
    for k in 1:m*n
        isassigned(a, off + k) && (s[k] = a[off + k])
    end
    s
end
# the "[:, :, k, l] =" slices of an array of three or more dimensions; under :limit only the first and last three
# of a dimension longer than 10
function show_nd(io::IO, a::Array)
    isempty(a) && return
    limit = get(io, :limit, false)
    tail = Int[size(a, d) for d in 3:ndims(a)]
    nd = length(tail)
    total = prod(tail)
    idxs = fill(1, nd)
    for lin in 1:total
        if lin > 1
            d = 1
            while true
                idxs[d] += 1
                idxs[d] <= tail[d] && break
                idxs[d] = 1
                d += 1
            end
        end
        skip = false
        if limit
            for i in 1:nd
                ii = idxs[i]
                if tail[i] > 10
                    if ii == 4 && all(d -> idxs[d] == 1, 1:i-1)
                        inner = false
                        for j in i+1:nd
                            tail[j] > 10 && 3 < idxs[j] <= tail[j] - 3 && (inner = true)
                        end
                        inner || print(io, "...\n\n")
                        skip = true
                        break
                    end
                    if 3 < ii <= tail[i] - 3
                        skip = true
                        break
                    end
                end
            end
        end
        skip && continue
        print(io, "[:, :, ")
        for i in 1:nd-1
            print(io, idxs[i], ", ")
        end
        println(io, idxs[nd], "] =")
        print_matrix(io, _slice(a, Tuple(idxs)))
        print(io, lin == total ? "" : "\n\n")
    end
end
print_array(io::IO, X::Union{Vector,Matrix}) = print_matrix(io, X)
print_array(io::IO, X::Array) = show_nd(io, X)

function show(io::IO, ::MIME{Symbol("text/plain")}, X::Array)
    isempty(X) && (get(io, :compact, false) || X isa Vector) && return show(io, X)
    summary(io, X)
    isempty(X) && return
    print(io, ":")
    if !haskey(io, :compact) && ndims(X) > 1 && size(X, 2) > 1
        io = IOContext(io, :compact => true)
    end
    if get(io, :limit, false) && displaysize(io)[1] - 4 <= 0
        return print(io, " …")
    else
        println(io)
    end
    print_array(IOContext(io, :typeinfo => eltype(X)), X)
end

# -- display: show with the text/plain MIME type, then a newline, on the innermost display (the REPL's, or stdout)
abstract type AbstractDisplay end
struct TextDisplay <: AbstractDisplay
    io::IO
end
display(d::TextDisplay, x) = (show(d.io, MIME"text/plain"(), x); println(d.io))
display(d::TextDisplay, m::MIME, x) = (show(d.io, m, x); println(d.io))
const _displays = Any[]
display(x) = isempty(_displays) ? display(TextDisplay(stdout), x) : display(_displays[end], x)
display(m::MIME, x) = isempty(_displays) ? display(TextDisplay(stdout), m, x) : display(_displays[end], m, x)
pushdisplay(d::AbstractDisplay) = (push!(_displays, d); nothing)
popdisplay() = pop!(_displays)

# the REPL's display: limited to the terminal's size
struct REPLDisplay <: AbstractDisplay
    rows::Int
    cols::Int
end
_repl_io(d::REPLDisplay) = IOContext(stdout, :limit => true, :module => Main, :displaysize => (d.rows, d.cols))
display(d::REPLDisplay, x) = (show(_repl_io(d), MIME"text/plain"(), x); println(stdout))
display(d::REPLDisplay, m::MIME, x) = (show(_repl_io(d), m, x); println(stdout))
