# show: the text/plain and repr forms of values, as Julia prints them.
show(x) = show(stdout, x)
show(io::IO, x::Int64) = write(io, ccall(:jl_int_string, String, (Any, Int, Int), x, 10, 1))
show(io::IO, x::BitInteger) = write(io, ccall(:jl_int_string, String, (Any, Int, Int), x, 10, 1))
# unsigned integers show in hex, two digits per byte (print stays decimal)
show(io::IO, x::BitUnsigned) = (write(io, "0x"); write(io, ccall(:jl_int_string, String, (Any, Int, Int), x, 16, 2 * Core.sizeof(x))))
print(io::IO, x::BitInteger) = write(io, ccall(:jl_int_string, String, (Any, Int, Int), x, 10, 1))
show(io::IO, x::Float64) = write(io, ccall(:jl_float_repr, String, (Float64,), x))
# under :compact (matrix elements), six significant digits
show(io::IOContext, x::Float64) = write(io, get(io, :compact, false) ? ccall(:jl_float_compact, String, (Float64, Bool), x, false) : ccall(:jl_float_repr, String, (Float64,), x))
# a Float32 shows with its type (1.5f0, NaN32) and prints without it (1.5, NaN), as it does where the context
# already names the type (:typeinfo, the elements of a Vector{Float32})
show(io::IO, x::Float32) = write(io, ccall(:jl_float_repr, String, (Float32,), x))
function show(io::IOContext, x::Float32)
    typed = get(io, :typeinfo, Any) !== Float32
    get(io, :compact, false) ? write(io, ccall(:jl_float_compact, String, (Float32, Bool), x, typed)) :
        typed ? show(io.io, x) : print(io.io, x)
end
print(io::IO, x::Float32) = write(io, ccall(:jl_float_print, String, (Float32,), x))
show(io::IO, x::Bool) = write(io, x ? "true" : "false")
# where the context already names the type Bool, its values show as 1 and 0
show(io::IOContext, x::Bool) = write(io, get(io, :typeinfo, Any) === Bool ? (x ? "1" : "0") : x ? "true" : "false")
show(io::IO, ::Nothing) = write(io, "nothing")
show(io::IO, s::Symbol) = (write(io, ":"); write(io, ccall(:jl_symbol_name, String, (Any,), s)))
isless(a::Symbol, b::Symbol) = isless(String(a), String(b))
print(io::IO, s::Symbol) = write(io, ccall(:jl_symbol_name, String, (Any,), s))
show(io::IO, t::Type) = write(io, ccall(:jl_type_string, String, (Any,), t))
# a type variable with its bounds: T, T<:Integer, T>:Int64, Int64<:T<:Real
function show(io::IO, tv::TypeVar)
    lb, ub = tv.lb, tv.ub
    if lb !== Union{} && ub !== Any
        show(io, lb)
        print(io, "<:", tv.name, "<:")
        show(io, ub)
    elseif ub !== Any
        print(io, tv.name, "<:")
        show(io, ub)
    elseif lb !== Union{}
        print(io, tv.name, ">:")
        show(io, lb)
    else
        print(io, tv.name)
    end
end
# the escape a quoted literal uses for c: its own quote, backslash, `$` in strings, control characters
function _escaped(c::Char, q::Char)
    c == q && return string('\\', q)
    c == '\\' && return "\\\\"
    q == '"' && c == '$' && return "\\\$"
    c == '\n' && return "\\n"
    c == '\t' && return "\\t"
    c == '\r' && return "\\r"
    c == '\0' && return "\\0"
    c == Char(27) && return "\\e"
    (c < ' ' || c == Char(127)) && return string("\\x", string(UInt32(c), base=16, pad=2))
    # beyond ASCII, what does not print (controls, format and private-use characters, unassigned code points) is
    # written as its code point
    c >= Char(0x80) && !isprint(c) && return string(c <= Char(0xffff) ? "\\u" : "\\U", string(UInt32(c), base=16))
    nothing
end
function show(io::IO, c::Char)
    e = _escaped(c, '\'')
    write(io, "'")
    e === nothing ? write(io, c) : write(io, e)
    write(io, "'")
end
function show(io::IO, s::String)
    write(io, "\"")
    i = 1
    n = ncodeunits(s)
    while i <= n
        c, j = iterate(s, i)
        e = _escaped(c, '"')
        if e === nothing
            write(io, c)
        else
            # a code-point escape takes all its digits when a hex digit follows (\u00adb, not \uadb)
            if j <= n && (e[2] == 'u' || e[2] == 'U') && isxdigit(s[j])
                e = string(e[1:2], string(UInt32(c), base=16, pad=e[2] == 'u' ? 4 : 8))
            end
            write(io, e)
        end
        i = j
    end
    write(io, "\"")
end
function show(io::IO, f::Function)
    write(io, ccall(:jl_function_name, String, (Any,), f))
end
function show(io::IO, x)
    # default: TypeName(field1, field2, ...)
    T = typeof(x)
    show(io, T)
    write(io, "(")
    n = nfields(x)
    for i in 1:n
        i > 1 && write(io, ", ")
        show(io, getfield(x, i))
    end
    write(io, ")")
end
function show(io::IO, t::Tuple)
    write(io, "(")
    n = length(t)
    for i in 1:n
        i > 1 && write(io, ", ")
        show(io, t[i])
    end
    n == 1 && write(io, ",")
    write(io, ")")
end
# Julia omits a vector's element type only when it is non-empty and its elements' printed forms imply the type
# (Julia also checks the parameters of tuple, pair and vector element types; here those always count as implied)
_typeinfo_implicit(T) = T === Float64 || T === Int64 || T === Char || T === String || T === Symbol || T === Nothing ||
    T === Missing ||
    T <: Union{Vector,Tuple,Pair,NamedTuple}
# a vector met again inside itself is shown as a reference, as Julia does (_shown_vectors: showcollections.jl)
# the element type is left out too where the context already names the vector's type (:typeinfo)
_typeinfo_known(io::IO, a) = (ti = get(io, :typeinfo, Any); ti !== Any && a isa ti && eltype(ti) === eltype(a))
function show(io::IO, a::Vector)
    T = eltype(a)
    (!isempty(a) && _typeinfo_implicit(T)) || _typeinfo_known(io, a) || show(io, T)
    write(io, "[")
    n = length(_shown_vectors)
    for k in n:-1:1
        if _shown_vectors[k] === a
            write(io, string("#= circular reference @-", n - k + 1, " =#]"))
            return
        end
    end
    push!(_shown_vectors, a)
    try
        for i in 1:length(a)
            i > 1 && write(io, ", ")
            # under a shown element type Bool, Julia prints the elements as 1 and 0
            # and Float32 elements without their suffix
            # and whole Rationals without their denominator
            T === Bool ? write(io, a[i] ? "1" : "0") : T === Float32 ? print(io, a[i]) :
                T <: Union{Rational,AbstractSet} ? show(IOContext(io, :typeinfo => T), a[i]) : show(io, a[i])
        end
    finally
        pop!(_shown_vectors)
    end
    write(io, "]")
end

# showerror: the message printed after "ERROR: "
showerror(io::IO, e) = show(io, e)
showerror(io::IO, e::ErrorException) = print(io, e.msg)
showerror(io::IO, e::ArgumentError) = print(io, "ArgumentError: ", e.msg)
showerror(io::IO, e::DimensionMismatch) = print(io, "DimensionMismatch: ", e.msg)
showerror(io::IO, e::DivideError) = print(io, "DivideError: integer division error")
showerror(io::IO, e::OverflowError) = print(io, "OverflowError: ", e.msg)
showerror(io::IO, e::AssertionError) = print(io, "AssertionError: ", e.msg)
showerror(io::IO, e::KeyError) = (print(io, "KeyError: key "); show(io, e.key); print(io, " not found"))
showerror(io::IO, e::DomainError) = (print(io, "DomainError with "); show(io, e.val); print(io, ":\n", e.msg))
# InexactError: Int64(2.5), trunc(Int8, 200): the target type is left out when it names the function
showerror(io::IO, e::InexactError) = (print(io, "InexactError: ", e.func, "("); e.T isa DataType && nameof(e.T) === e.func || print(io, e.T, ", "); print(io, e.val, ")"))
showerror(io::IO, e::UndefVarError) = print(io, "UndefVarError: `", e.var, "` not defined",
    e.scope isa Module ? string(" in `", e.scope, "`") : e.scope isa Symbol ? string(" in ", e.scope, " scope") : "")
show(io::IO, m::Module) = print(io, ccall(:jl_module_name, String, (Any,), m))
function showerror(io::IO, e::FieldError)
    print(io, "FieldError: type ", nameof(e.type), " has no field `", e.field, "`")
    names = fieldnames(e.type)
    if length(names) > 0
        print(io, ", available fields: ")
        for i in 1:length(names)
            i > 1 && print(io, ", ")
            print(io, "`", names[i], "`")
        end
    end
end
function showerror(io::IO, e::BoundsError)
    print(io, "BoundsError: attempt to access ")
    a = e.a
    # Julia prints summary(a): the size and type of arrays, the length of strings, the type of anything else
    if a isa Vector || a isa UnitRange
        print(io, length(a), "-element ")
        show(io, typeof(a))
    elseif a isa Matrix
        print(io, size(a, 1), "×", size(a, 2), " ")
        show(io, typeof(a))
    elseif a isa String
        print(io, ncodeunits(a), "-codeunit String")
    else
        show(io, typeof(a))
    end
    print(io, " at index [")
    i = e.i
    if i isa Tuple
        for k in 1:length(i)
            k > 1 && print(io, ", ")
            show(io, i[k])
        end
    else
        show(io, i)
    end
    print(io, "]")
end
# whether a value that is not a function has call methods of its own (a constructor of its type does not count)
_is_callable(f) = any(m -> !(m.sig isa DataType) || (p = m.sig.parameters[1]; p isa Type && f isa p), methods(f))
function showerror(io::IO, e::MethodError)
    args = e.args
    candidates = ccall(:jl_method_candidates, String, (Any, Any), e.f, args)
    if e.f === convert && length(args) == 2 && args[1] isa Type
        print(io, "MethodError: Cannot `convert` an object of type ", typeof(args[2]), " to an object of type ", args[1])
    elseif !(e.f isa Function) && !(e.f isa Type) && !_is_callable(e.f)
        return print(io, "MethodError: objects of type ", typeof(e.f), " are not callable")
    else
        print(io, "MethodError: no method matching ", ccall(:jl_function_name, String, (Any,), e.f), "(")
        for k in 1:length(args)
            k > 1 && print(io, ", ")
            print(io, "::")
            # a type argument reads as Type{T}, the type dispatch saw
            args[k] isa Type ? print(io, "Type{", args[k], "}") : show(io, typeof(args[k]))
        end
        print(io, ")")
    end
    print(io, candidates)
end
function showerror(io::IO, e::TypeError)
    if e.func === :if
        print(io, "TypeError: non-boolean (")
        show(io, typeof(e.got))
        print(io, ") used in boolean context")
    else
        print(io, "TypeError: in ", e.func, ", expected ")
        show(io, e.expected)
        print(io, ", got a value of type ")
        show(io, typeof(e.got))
    end
end
showerror(io::IO, e::StackOverflowError) = print(io, "StackOverflowError:")
showerror(io::IO, e::InterruptException) = print(io, "InterruptException:")
showerror(io::IO, e::OutOfMemoryError) = print(io, "OutOfMemoryError()")
show(io::IO, ex::Expr) = (write(io, ":("); write(io, ccall(:jl_expr_string, String, (Any,), ex)); write(io, ")"))
print(io::IO, ex::Expr) = write(io, ccall(:jl_expr_string, String, (Any,), ex))
show(io::IO, q::QuoteNode) = write(io, ccall(:jl_expr_string, String, (Any,), q))
show(io::IO, ln::LineNumberNode) = write(io, ccall(:jl_expr_string, String, (Any,), ln))
round(x::Float64; digits::Int=0) = digits == 0 ? rint_llvm(x) : ccall(:jl_float_round, Float64, (Float64, Int), x, digits)
# seconds since the Unix epoch, by the wall clock (time_ns is a monotonic clock)
time() = ccall(:jl_clock_now, Float64, ())
time_ns() = ccall(:jl_time_ns, Any, ())
getpid() = (ccall(:jl_getpid, Any, ())::Int64) % Int32
function sleep(sec::Real)
    sec >= 0 || throw(ArgumentError("cannot sleep for $sec seconds"))
    ccall(:jl_sleep, Nothing, (Float64,), Float64(sec))
end
isapprox(x::Number, y::Number; atol::Real=0, rtol::Real=atol > 0 ? 0.0 : sqrt(2.220446049250313e-16)) = x == y || abs(x - y) <= max(atol, rtol * max(abs(x), abs(y)))
≈(x, y) = isapprox(x, y)
