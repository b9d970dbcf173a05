# Reflection and utility macros.
macro show(exs...)
    blk = Expr(:block)
    for ex in exs
        push!(blk.args, :(println($(string(ex)), " = ", repr($(esc(ex))))))
    end
    blk
end
# The function and argument tuple a reflection macro asks about: a call with keywords, `f(a; k=1)` or `f(a, k=1)`,
# is the call `Core.kwcall((k=1,), f, a)` it lowers to, as in Julia.
function _reflection_call(ex)
    kws = Any[]
    pos = Any[]
    for a in ex.args[2:end]
        if a isa Expr && a.head === :parameters
            append!(kws, a.args)
        elseif a isa Expr && a.head === :kw
            push!(kws, a)
        else
            push!(pos, a)
        end
    end
    isempty(kws) && return esc(ex.args[1]), Expr(:tuple, map(esc, pos)...)
    nt = Expr(:tuple, Expr(:parameters, map(esc, kws)...))
    return :(Core.kwcall), Expr(:tuple, nt, esc(ex.args[1]), map(esc, pos)...)
end
macro code_lowered(ex)
    f, args = _reflection_call(ex)
    :(println(ccall(:jl_code_lowered, String, (Any, Any), $f, $args)))
end
macro time(ex)
    quote
        local c0 = ccall(:jl_cumulative_compile_time_ms, Float64, ())
        local t0 = time_ns()
        local val = $(esc(ex))
        local t1 = time_ns()
        local c1 = ccall(:jl_cumulative_compile_time_ms, Float64, ())
        println(ccall(:jl_time_string, String, (UInt64, Float64), t1 - t0, c1 - c0))
        val
    end
end
macro elapsed(ex)
    quote
        local t0 = time_ns()
        $(esc(ex))
        (time_ns() - t0) / 1.0e9
    end
end
# Base.trace_invalidations(f): runs f() and returns the report of the compiled code that the methods it defined
# invalidated (what `jolt --trace-invalidations` prints at exit, for this call alone), as a String
function trace_invalidations(f)
    ccall(:jl_invalidations_start, Nothing, ())
    report = ""
    try
        f()
    finally
        report = ccall(:jl_invalidations_stop, String, ())
    end
    report
end
# @view a[i, j]: view(a, i, j) (`end` in an index is a's last index there); anything else is evaluated as written
macro view(ex)
    (ex isa Expr && ex.head === :ref && ex.args[1] isa Symbol) || return esc(ex)
    a = ex.args[1]
    n = length(ex.args) - 1
    idx = Any[_replace_end(ex.args[k + 1], a, n == 1 ? nothing : k) for k in 1:n]
    esc(Expr(:call, :view, a, idx...))
end
_replace_end(x, a, d) = x === :end ? (d === nothing ? Expr(:call, :lastindex, a) : Expr(:call, :lastindex, a, d)) :
    x isa Expr && x.head !== :ref ? Expr(x.head, Any[_replace_end(y, a, d) for y in x.args]...) : x
macro views(ex)
    esc(ex)
end
# Inference reflection: `@code_typed [optimize=false] f(args...)`, `@code_warntype f(args...)`, `return_types`.
function _reflection_options(exs)
    opt = true
    for o in exs[1:end-1]
        if o isa Expr && o.head === :(=) && o.args[1] === :optimize
            opt = o.args[2]
        end
    end
    opt
end
macro code_typed(exs...)
    f, args = _reflection_call(exs[end])
    opt = _reflection_options(exs)
    :(println(ccall(:jl_code_typed, String, (Any, Any, Any, Any), $f, $args, $opt, false)))
end
macro code_warntype(ex)
    f, args = _reflection_call(ex)
    :(println(ccall(:jl_code_warntype, String, (Any, Any), $f, $args)))
end
return_types(f, types) = Any[ccall(:jl_return_type, Any, (Any, Any), f, types)]
# Native code: `@code_wasm [optimize=false] f(args...)` (binaryen's text) and `@code_native f(args...)` (V8's x86-64).
macro code_wasm(exs...)
    f, args = _reflection_call(exs[end])
    opt = _reflection_options(exs)
    :(println(ccall(:jl_code_wasm, String, (Any, Any, Any), $f, $args, $opt)))
end
macro code_native(ex)
    f, args = _reflection_call(ex)
    :(println(ccall(:jl_code_native, String, (Any, Any), $f, $args)))
end
# Method reflection: `methods(f)`, `which(f, types)`, `@which f(args...)`.
struct MethodList
    ms::Vector{Any}
    f
end
methods(f) = MethodList(ccall(:jl_methods, Vector{Any}, (Any,), f), f)
length(ml::MethodList) = length(ml.ms)
isempty(ml::MethodList) = isempty(ml.ms)
iterate(ml::MethodList, i...) = iterate(ml.ms, i...)
getindex(ml::MethodList, i::Integer) = ml.ms[i]
_method_location(m) = ccall(:jl_method_location, Any, (Any,), m)
# the module is left out where it is the function's own
function _show_method(io::IO, m, showmod::Bool)
    mod, file, line = _method_location(m)
    print(io, ccall(:jl_method_signature, String, (Any,), m), "\n     @ ")
    showmod && print(io, mod, " ")
    print(io, file, ":", line)
end
show(io::IO, m::Method) = _show_method(io, m, true)
function show(io::IO, ml::MethodList)
    n = length(ml.ms)
    mod = ccall(:jl_method_table_module, Any, (Any,), ml.f)
    print(io, "# ", n, n == 1 ? " method" : " methods", " for generic function \"",
          ccall(:jl_function_name, String, (Any,), ml.f), "\" from ", mod, ":")
    w = ndigits(n)
    for (i, m) in enumerate(ml.ms)
        println(io)
        print(io, " ", lpad(string("[", i, "]"), w + 2), " ")
        _show_method(io, m, _method_location(m)[1] !== mod)
    end
end
# argument types as a Tuple type, or a tuple of types (Julia's to_tuple_type)
_to_tuple_type(t::Type{<:Tuple}) = t
_to_tuple_type(t::Tuple) = Tuple{t...}
_to_tuple_type(t) = error("expected tuple type")
which(f, types) = ccall(:jl_which, Any, (Any, Any), f, _to_tuple_type(types))
macro which(ex)
    :(which($(esc(ex.args[1])), Tuple{map(typeof, ($(map(esc, ex.args[2:end])...),))...}))
end
# whether a call f(args...) has a method to run
applicable(f, args...) = ccall(:jl_applicable, Bool, (Any, Any), f, args)
hasmethod(f, t) = ccall(:jl_hasmethod, Bool, (Any, Any), f, _to_tuple_type(t))

# GC: Jolt's objects live on the JavaScript heap, which V8 collects: there is nothing to pin, and a collection cannot
# be forced, so these keep Julia's forms working
module GC
    macro preserve(args...)
        esc(args[length(args)])
    end
    gc(full::Bool=true) = nothing
    enable(on::Bool) = true
end

# facts about the machine the program runs on: the kernel is asked of the host when asked for, not fixed when
# the Base image is built
module Sys
    _kernel() = Base.Symbol(ccall(:jl_sys_kernel, Any, ()))
    islinux() = _kernel() === :Linux
    isapple() = _kernel() === :Darwin
    isbsd() = _kernel() in (:FreeBSD, :OpenBSD, :NetBSD, :DragonFly, :Darwin)
    iswindows() = _kernel() === :NT
    isunix() = islinux() || isbsd()
    const WORD_SIZE = 64
end
