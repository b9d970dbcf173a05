# The documentation system: docstrings written before a definition (the parser makes them `@doc str def`) or
# given with `@doc str name`, kept per module and name; `@doc name` and the REPL's help mode read them.

# name => list of (module, docstring), in the order they were written
const _docs = Dict{Symbol,Vector{Any}}()

function _adddoc!(m::Module, name::Symbol, str)
    list = get(_docs, name, nothing)
    if list === nothing
        list = Any[]
        _docs[name] = list
    end
    push!(list, (m, string(str)))
    nothing
end

# the name a documented expression defines, or nothing
function _docname(ex)
    ex isa Symbol && return ex
    ex isa Expr || return nothing
    h = ex.head
    if h === :function || h === Symbol("=") || h === :macro
        sig = ex.args[1]
        while sig isa Expr && (sig.head === :where || sig.head === Symbol("::"))
            sig = sig.args[1]
        end
        sig isa Symbol && h === Symbol("=") && return sig  # a documented global
        sig isa Expr && sig.head === :call || return nothing
        f = sig.args[1]
        f isa Expr && f.head === Symbol(".") && (f = f.args[2])
        f isa QuoteNode && (f = f.value)
        f isa Symbol || return nothing
        return h === :macro ? Symbol("@", f) : f
    elseif h === :struct || h === :abstract || h === :primitive
        n = h === :struct ? ex.args[2] : ex.args[1]
        n isa Expr && n.head === Symbol("<:") && (n = n.args[1])
        n isa Expr && n.head === :curly && (n = n.args[1])
        return n isa Symbol ? n : nothing
    elseif h === :const || h === :global
        return _docname(ex.args[1])
    elseif h === :module
        return ex.args[2]
    elseif h === :macrocall && all(a -> a isa LineNumberNode, ex.args[2:end])
        return ex.args[1]  # a macro by itself, :(@time): the macro
    elseif h === :macrocall && length(ex.args) >= 3
        return _docname(ex.args[end])
    elseif h === :quote
        return _docname(ex.args[1])
    end
    nothing
end

# the docstrings of a name, joined, or nothing
function _getdoc(name::Symbol)
    list = get(_docs, name, nothing)
    list === nothing && return nothing
    join([d[2] for d in list], "\n\n")
end

macro doc(str, def)
    name = _docname(def)
    name === nothing && return esc(def)
    # documenting a name defined elsewhere (or later): the name is not evaluated
    def isa Symbol && return :($(_adddoc!)($__module__, $(QuoteNode(name)), $(esc(str))))
    # the value is the documented object, as the definition alone gives
    result = def isa Symbol || startswith(string(name), "@") ? nothing : esc(name)
    Expr(:toplevel, esc(def), :($(_adddoc!)($__module__, $(QuoteNode(name)), $(esc(str)))), result)
end
macro doc(name)
    n = name isa Expr && name.head === :macrocall ? name.args[1] : name
    :($(_getdoc)($(QuoteNode(n))))
end

# -- help mode (`?name` in the REPL)

# a docstring as the terminal shows it: indented by two, code fences dropped
function _print_doc(io::IO, doc::String)
    for line in split(endswith(doc, "\n") ? doc[1:end-1] : doc, "\n")
        startswith(line, "```") && continue
        line = startswith(line, "    ") ? line[5:end] : line
        isempty(line) ? println(io) : println(io, "  ", line)
    end
end

# the edit distance between two strings, for suggestions
function _levenshtein(a::String, b::String)
    ca = collect(a)
    cb = collect(b)
    m, n = length(ca), length(cb)
    prev = collect(0:n)
    cur = fill(0, n + 1)
    for i in 1:m
        cur[1] = i
        for j in 1:n
            cur[j+1] = min(prev[j+1] + 1, cur[j] + 1, prev[j] + (ca[i] == cb[j] ? 0 : 1))
        end
        prev, cur = cur, prev
    end
    prev[n+1]
end

# the names close to a misspelled one, nearest first
function _suggestions(mod::Module, s::String)
    names = unique(vcat(ccall(:jl_module_names, Any, (Any,), mod), ccall(:jl_module_names, Any, (Any,), Base)))
    scored = Tuple{Int,String}[]
    limit = length(s) <= 3 ? 1 : max(2, div(length(s), 3))
    for n in names
        t = string(n)
        (startswith(t, "_") || occursin("#", t)) && continue
        d = _levenshtein(s, t)
        d <= limit && push!(scored, (d, t))
    end
    sort!(scored)
    String[x[2] for x in scored[1:min(end, 5)]]
end

function _repl_help(mod::Module, s::String)
    s = strip(s)
    isempty(s) && return nothing
    name = Symbol(s)
    doc = _getdoc(name)
    if doc !== nothing
        _print_doc(stdout, doc)
        return nothing
    end
    # a name the module sees: its own, Base's or Core's
    m = isdefined(mod, name) ? mod : isdefined(Base, name) ? Base : isdefined(Core, name) ? Core : nothing
    if m === nothing
        sug = _suggestions(mod, String(s))
        println("Couldn't find ", s)
        isempty(sug) || println("Perhaps you meant ", join(sug, ", "))
        println("  No documentation found.\n\n  Binding ", s, " does not exist.")
        return nothing
    end
    v = getfield(m, name)
    println("  No documentation found.\n")
    if v isa Function
        macro_ = startswith(s, "@")
        println("  ", macro_ ? string("`", s, "` is a macro.") : string(s, " is a Function."), "\n")
        for line in split(sprint(show, methods(v)), "\n")
            macro_ && (line = replace(line, "generic function" => "macro"))
            println("  ", line)
        end
    elseif v isa DataType
        println("  ", s, " is of type ", typeof(v), ".")
        fs = fieldnames(v)
        if !isempty(fs)
            println("\n  Fields\n  ≡≡≡≡≡≡\n")
            for k in 1:length(fs)
                println("  ", fs[k], " :: ", fieldtype(v, k))
            end
        end
    else
        println("  ", s, " is of type ", typeof(v), ".")
    end
    nothing
end

# -- docstrings of common Base functions
"""
    println([io::IO], xs...)

Print each of `xs` as `print` does, then a newline, to `io` (standard output if omitted).
"""
println
"""
    print([io::IO], xs...)

Write the text form of each of `xs` to `io` (standard output if omitted): strings and characters as they are,
other values as `show` writes them.
"""
print
"""
    show([io::IO], x)

Write the form of `x` that Julia code would read back, where there is one (strings quoted, vectors in brackets).
"""
show
"""
    display(x)

Show `x` in its richest form on the innermost display: at the REPL, as `show(io, MIME"text/plain"(), x)` limited
to the terminal's size.
"""
display
"""
    sum(itr)
    sum(f, itr)

The sum of the elements of `itr` (after applying `f` to each).
"""
sum
"""
    length(collection)

The number of elements of `collection`.
"""
length
"""
    push!(collection, items...)

Insert `items` at the end of `collection` and return it.
"""
push!
"""
    map(f, c...)

Apply `f` to each element of `c` (to the elements of several collections in turn) and collect the results.
"""
map
"""
    filter(f, a)

The elements of `a` for which `f` returns `true`.
"""
filter
"""
    sort(v; rev=false, by=identity)

A sorted copy of `v`; `sort!` sorts in place.
"""
sort
"""
    string(xs...)

The text that `print` writes for `xs`, as a `String`.
"""
string
"""
    parse(T, s)

Read the number of type `T` that the string `s` holds; an `ArgumentError` if it holds none.
"""
parse
"""
    Dict(kv...)

A hash table from keys to values, made from pairs `k => v`.
"""
Dict
"""
    collect(itr)

An `Array` of the elements of `itr`.
"""
collect
"""
    typeof(x)

The concrete type of `x`.
"""
typeof
"""
    @time expr

Run `expr`, print how long it took (with the memory it allocated and the share of the time spent compiling), and
return its value.
"""
:(@time)
"""
    Int64 <: Signed <: Integer

The 64-bit signed integer type (`Int` on 64-bit systems).
"""
Int64
"""
    Float64 <: AbstractFloat <: Real

The 64-bit floating-point type (IEEE 754 double precision).
"""
Float64
