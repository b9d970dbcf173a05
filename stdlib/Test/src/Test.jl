# The Test standard library, written in Jolt: @test, @test_throws, @testset and Julia's summary table.
module Test

export @test, @test_throws, @testset, @test_broken, @test_skip, @test_nowarn, @inferred, GenericSet

# GenericSet(s): an AbstractSet that has only what every set has from iterate and length (for testing code
# written against the AbstractSet interface)
struct GenericSet{T} <: AbstractSet{T}
    s::AbstractSet{T}
end
Base.iterate(s::GenericSet, state...) = iterate(s.s, state...)
Base.length(s::GenericSet) = length(s.s)

mutable struct TestSet
    name::String
    verbose::Bool
    pass::Int
    fail::Int
    error::Int
    broken::Int
    children::Vector{Any}
    time::Float64
end
TestSet(name, verbose) = TestSet(name, verbose, 0, 0, 0, 0, Any[], 0.0)

const testsets = Any[]

struct TestSetException <: Exception
    pass::Int
    fail::Int
    error::Int
    broken::Int
end
function Base.showerror(io::IO, e::TestSetException)
    print(io, "Some tests did not pass: ", e.pass, " passed, ", e.fail, " failed, ", e.error, " errored, ", e.broken, " broken.")
end

current() = isempty(testsets) ? nothing : testsets[length(testsets)]

function location(src)
    string(src.file, ":", src.line)
end

function prefix()
    ts = current()
    ts === nothing ? "" : string(ts.name, ": ")
end

function record(kind::Symbol)
    ts = current()
    if ts === nothing
        kind === :pass && return nothing
        kind === :broken && return nothing
        throw(ErrorException("There was an error during testing"))
    end
    if kind === :pass
        ts.pass += 1
    elseif kind === :fail
        ts.fail += 1
    elseif kind === :error
        ts.error += 1
    else
        ts.broken += 1
    end
    nothing
end

function fail_report(src, ex, evaluated)
    printstyled_red(string(prefix(), "Test Failed at ", location(src)))
    println("  Expression: ", ex)
    evaluated === nothing || println("   Evaluated: ", evaluated)
    println()
end
printstyled_red(s) = println(s)

function error_report(src, ex, err)
    println(prefix(), "Error During Test at ", location(src))
    println("  Test threw exception")
    println("  Expression: ", ex)
    io = IOBuffer()
    showerror(io, err)
    println("  ", Base._takestring!(io))
    println()
end

function do_test(f, ex, src)
    local v
    try
        v = f()
    catch err
        error_report(src, ex, err)
        record(:error)
        return nothing
    end
    if v === true
        record(:pass)
    elseif v isa Bool
        fail_report(src, ex, nothing)
        record(:fail)
    else
        println(prefix(), "Error During Test at ", location(src))
        println("  Expression evaluated to non-Boolean")
        println("  Expression: ", ex)
        println("       Value: ", repr(v))
        println()
        record(:error)
    end
    nothing
end

function do_test_cmp(op, args, ex, src)
    local a, b, v
    try
        t = args()
        a = t[1]
        b = t[2]
        v = op(a, b)
    catch err
        error_report(src, ex, err)
        record(:error)
        return nothing
    end
    if v === true
        record(:pass)
    else
        fail_report(src, ex, string(repr(a), " ", ex.args[1], " ", repr(b)))
        record(:fail)
    end
    nothing
end

const CMP_OPS = (:(==), :(!=), :(<), :(>), :(<=), :(>=), :(===), :(!==), :≈, :≠, :≤, :≥, :isequal, :isapprox, :in, :∈, :isa)

macro test(ex, kws...)
    if length(kws) > 0 && ex isa Expr && ex.head === :call
        # `@test a ≈ b atol=0.1` passes the trailing assignments as keywords
        params = Expr(:parameters, [Expr(:kw, k.args[1], k.args[2]) for k in kws]...)
        f = ex.args[1] === :≈ ? :isapprox : ex.args[1]
        call = Expr(:call, f, params, ex.args[2:end]...)
        return :(Test.do_test(() -> $(esc(call)), $(QuoteNode(ex)), $(QuoteNode(__source__))))
    end
    if ex isa Expr && ex.head === :call && length(ex.args) == 3 && ex.args[1] in CMP_OPS
        op = ex.args[1]
        return :(Test.do_test_cmp($(esc(op)), () -> ($(esc(ex.args[2])), $(esc(ex.args[3]))), $(QuoteNode(ex)), $(QuoteNode(__source__))))
    end
    :(Test.do_test(() -> $(esc(ex)), $(QuoteNode(ex)), $(QuoteNode(__source__))))
end

macro test_broken(ex)
    :(Test.record(:broken))
end
macro test_skip(ex)
    :(Test.record(:broken))
end
macro test_nowarn(ex)
    :(Test.do_test(() -> ($(esc(ex)); true), $(QuoteNode(ex)), $(QuoteNode(__source__))))
end

# @inferred f(args...): the call's value, once its type is found to be the return type inference gives for these
# argument types (an error otherwise); `@inferred A f(args...)` also accepts a value whose type is below A.
# A call with keywords is only run.
macro inferred(ex)
    _inferred(ex, Union{})
end
macro inferred(allow, ex)
    _inferred(ex, esc(allow))
end
function _inferred(ex, allow)
    if ex isa Expr && ex.head === :ref
        ex = Expr(:call, :getindex, ex.args...)
    end
    (ex isa Expr && ex.head === :call) || error("@inferred requires a call expression")
    for a in ex.args
        a isa Expr && (a.head === :kw || a.head === :parameters) && return esc(ex)
    end
    args = Any[esc(a) for a in ex.args[2:end]]
    quote
        let inferred_f = $(esc(ex.args[1])), inferred_args = ($(args...),)
            Test._check_inferred(inferred_f, inferred_args, inferred_f(inferred_args...), $allow)
        end
    end
end
function _check_inferred(f, args, result, allow)
    inftype = ccall(:jl_return_type, Any, (Any, Any), f, map(Core.Typeof, args))
    rettype = result isa Type ? Type{result} : typeof(result)
    rettype <: allow || rettype == inftype ||
        error("return type ", rettype, " does not match inferred return type ", inftype)
    result
end

# what a passing @test_throws returns, as Julia's: `value` is the exception thrown
struct Pass
    test_type::Symbol
    orig_expr
    data
    value
    source
    message_only::Bool
end

function do_test_throws(f, T, ex, src)
    try
        f()
    catch err
        # a string or a regex expects a message that contains it
        if (T isa Type && err isa T) || (T isa Union{String,Regex} && occursin(T, sprint(showerror, err))) ||
           (!(T isa Type) && !(T isa Union{String,Regex}) && err == T)
            record(:pass)
            return Pass(:test_throws, ex, T, err, src, T isa String)
        else
            println(prefix(), "Test Failed at ", location(src))
            println("  Expression: ", ex)
            println("    Expected: ", T)
            println("      Thrown: ", typeof(err))
            println()
            record(:fail)
        end
        return nothing
    end
    println(prefix(), "Test Failed at ", location(src))
    println("  Expression: ", ex)
    println("    Expected: ", T)
    println("  No exception thrown")
    println()
    record(:fail)
    nothing
end

macro test_throws(T, ex)
    :(Test.do_test_throws(() -> $(esc(ex)), $(esc(T)), $(QuoteNode(ex)), $(QuoteNode(__source__))))
end

function run_testset(name, verbose, f)
    ts = TestSet(string(name), verbose)
    parent = current()
    push!(testsets, ts)
    t0 = time()
    try
        f()
    catch err
        println(string(ts.name, ": "), "Error During Test")
        io = IOBuffer()
        showerror(io, err)
        println("  Got exception outside of a @test")
        println("  ", Base._takestring!(io))
        ts.error += 1
    end
    ts.time = time() - t0
    pop!(testsets)
    if parent === nothing
        print_summary(ts)
        p, fl, e, b = totals(ts)
        if fl + e > 0
            throw(TestSetException(p, fl, e, b))
        end
    else
        push!(parent.children, ts)
    end
    ts
end

function totals(ts)
    p = ts.pass
    fl = ts.fail
    e = ts.error
    b = ts.broken
    for c in ts.children
        cp, cf, ce, cb = totals(c)
        p += cp
        fl += cf
        e += ce
        b += cb
    end
    (p, fl, e, b)
end

function collect_rows(ts, depth, rows, show_children)
    push!(rows, (ts, depth))
    for c in ts.children
        cp, cf, ce, cb = totals(c)
        if show_children || cf + ce > 0
            collect_rows(c, depth + 1, rows, c.verbose || show_children)
        end
    end
    rows
end

function timestr(t)
    string(round(t; digits=1), "s")
end

function print_summary(ts)
    rows = collect_rows(ts, 0, Any[], ts.verbose)
    P, F, E, B = totals(ts)
    namew = length("Test Summary:")
    for (t, d) in rows
        namew = max(namew, 2 * d + length(t.name))
    end
    cols = Any[]
    P > 0 && push!(cols, ("Pass", 1))
    F > 0 && push!(cols, ("Fail", 2))
    E > 0 && push!(cols, ("Error", 3))
    B > 0 && push!(cols, ("Broken", 4))
    push!(cols, ("Total", 5))
    widths = Int[]
    for (h, k) in cols
        push!(widths, max(length(h), length(string(P + F + E + B))))
    end
    times = [timestr(t.time) for (t, d) in rows]
    timew = max(4, maximum(length.(times)))
    header = rpad("Test Summary:", namew) * " |"
    for i in 1:length(cols)
        header = header * " " * lpad(cols[i][1], widths[i]) * (i < length(cols) ? " " : "")
    end
    println(header, "  ", lpad("Time", timew))
    for r in 1:length(rows)
        t, d = rows[r]
        p, fl, e, b = totals(t)
        vals = (p, fl, e, b, p + fl + e + b)
        line = rpad(" "^(2d) * t.name, namew) * " |"
        for i in 1:length(cols)
            v = vals[cols[i][2]]
            line = line * " " * lpad(v == 0 ? "" : string(v), widths[i]) * (i < length(cols) ? " " : "")
        end
        println(line, "  ", lpad(times[r], timew))
    end
end

macro testset(args...)
    body = args[length(args)]
    name = "test set"
    verbose = false
    for a in args[1:length(args)-1]
        if a isa String || (a isa Expr && a.head === :string)
            name = a
        elseif a isa Expr && a.head === :(=) && a.args[1] === :verbose
            verbose = a.args[2]
        end
    end
    if body isa Expr && body.head === :for
        spec = body.args[1]
        inner = body.args[2]
        return Expr(:for, esc(spec), :(Test.run_testset($(esc(name)), $(esc(verbose)), () -> $(esc(inner)))))
    end
    :(Test.run_testset($(esc(name)), $(esc(verbose)), () -> $(esc(body))))
end

# A string type Base knows nothing special about, to test the AbstractString fallbacks: it forwards the
# interface (code units, validity, iteration) to the string it wraps.
export GenericString
struct GenericString <: AbstractString
    string::AbstractString
end
Base.ncodeunits(s::GenericString) = ncodeunits(s.string)::Int
Base.codeunit(s::GenericString) = codeunit(s.string)
Base.codeunit(s::GenericString, i::Integer) = codeunit(s.string, i)
Base.isvalid(s::GenericString, i::Integer) = isvalid(s.string, i)::Bool
Base.iterate(s::GenericString, i::Integer=1) = iterate(s.string, i)
Base.reverse(s::GenericString) = GenericString(reverse(s.string))
Base.reverse(s::SubString{GenericString}) = GenericString(typeof(s.string)(reverse(String(s))))

end
