# IO: standard streams write through the runtime's buffered output; IOBuffer collects bytes in memory.
abstract type IO end
struct StdStream <: IO
    fd::Int
end
const stdin = StdStream(0)
const stdout = StdStream(1)
const stderr = StdStream(2)
# the stream that discards what is written to it and reads as empty
struct DevNull <: IO end
const devnull = DevNull()
write(::DevNull, s::String) = nothing
show(io::IO, ::DevNull) = print(io, "devnull")
eof(::DevNull) = true
read(::DevNull, ::Type{String}) = ""
# standard input: lines, all of it, or a line at a time
function readline(io::StdStream=stdin; keep::Bool=false)
    io.fd == 0 || throw(ArgumentError("read end of stream not readable"))
    l = ccall(:jl_stdin_readline, String, ())
    keep ? l : _chomp(l)
end
_chomp(l::String) = endswith(l, "\r\n") ? l[1:end-2] : endswith(l, "\n") ? l[1:end-1] : l
readline(::DevNull; keep::Bool=false) = ""
eof(io::StdStream) = ccall(:jl_stdin_eof, Bool, ())
read(io::StdStream, ::Type{String}) = ccall(:jl_stdin_read_all, String, ())
readlines(io::Union{StdStream,DevNull}=stdin; keep::Bool=false) = String[l for l in eachline(io; keep=keep)]
struct EachLine{IOT<:IO}
    io::IOT
    keep::Bool
end
eachline(io::IO=stdin; keep::Bool=false) = EachLine(io, keep)
iterate(e::EachLine, state=nothing) = eof(e.io) ? nothing : (readline(e.io; keep=e.keep), nothing)
mutable struct IOBuffer <: IO
    data::String
end
IOBuffer() = IOBuffer("")
write(io::StdStream, s::String) = ccall(:jl_write, Nothing, (Int, String), io.fd, s)
write(io::IOBuffer, s::String) = (io.data = io.data * s; nothing)
write(io::IO, c::Char) = write(io, ccall(:jl_char_string, String, (Char,), c))
function _takestring!(io::IOBuffer)
    s = io.data
    io.data = ""
    s
end
String(io::IOBuffer) = io.data
take!(io::IOBuffer) = _takestring!(io)
flush(io::IO) = ccall(:jl_flush, Nothing, ())

# -- IOContext: a stream with properties (:compact, :limit, :displaysize, :typeinfo, ...); later ones win
struct IOContext <: IO
    io::IO
    props::Vector{Any}
end
_unwrap_io(io::IO) = io
_unwrap_io(io::IOContext) = io.io
_props(io::IO) = Any[]
_props(io::IOContext) = copy(io.props)
IOContext(io::IO, kv) = IOContext(_unwrap_io(io), push!(_props(io), kv))
function IOContext(io::IO, kv, kv2, kvs...)
    props = push!(_props(io), kv, kv2)
    for kv in kvs
        push!(props, kv)
    end
    IOContext(_unwrap_io(io), props)
end
IOContext(io::IO, ctx::IOContext) = IOContext(_unwrap_io(io), append!(_props(io), ctx.props))
IOContext(io::IO) = IOContext(_unwrap_io(io), _props(io))
function get(io::IOContext, key, default)
    ps = io.props
    for k in length(ps):-1:1
        p = ps[k]
        p.first === key && return p.second
    end
    default
end
get(io::IO, key, default) = default
haskey(io::IOContext, key) = any(p -> p.first === key, io.props)
haskey(io::IO, key) = false
getindex(io::IOContext, key) = (haskey(io, key) || throw(KeyError(key)); get(io, key, nothing))
write(io::IOContext, s::String) = write(io.io, s)
write(io::IOContext, c::Char) = write(io.io, c)
flush(io::IOContext) = flush(io.io)


# Files. Writes are buffered and reach the file at flush or close.
struct SystemError <: Exception
    prefix::String
    errnum::Int
end
showerror(io::IO, e::SystemError) = print(io, "SystemError: ", e.prefix, ": ", ccall(:jl_strerror, String, (Int,), e.errnum))
# a failed write to a standard stream (libuv's message and error code, as Julia reports them)
struct IOError <: Exception
    msg::String
    code::Int
end
showerror(io::IO, e::IOError) = print(io, "IOError: ", e.msg)
mutable struct IOStream <: IO
    fd::Int
    name::String
    isopen::Bool
end
function open(path::AbstractString, mode::AbstractString="r")
    fd = ccall(:jl_fs_open, Int, (String, String), String(path), String(mode))
    fd < 0 && throw(SystemError(string("opening file ", repr(String(path))), -fd))
    IOStream(fd, string("<file ", path, ">"), true)
end
function open(f::Function, path::AbstractString, mode::AbstractString="r")
    io = open(path, mode)
    try
        f(io)
    finally
        close(io)
    end
end
function write(io::IOStream, s::String)
    io.isopen || throw(ArgumentError("stream is closed or unusable"))
    ccall(:jl_fs_write, Nothing, (Int, String), io.fd, s)
end
flush(io::IOStream) = ccall(:jl_fs_flush, Nothing, (Int,), io.fd)
function close(io::IOStream)
    io.isopen && ccall(:jl_fs_close, Nothing, (Int,), io.fd)
    io.isopen = false
    nothing
end
isopen(io::IOStream) = io.isopen
show(io::IO, s::IOStream) = print(io, "IOStream(", s.name, ")")
read(io::IOStream, ::Type{String}) = ccall(:jl_fs_read_all, String, (Int,), io.fd)
read(path::AbstractString, ::Type{String}) = open(io -> read(io, String), path)
readlines(path::AbstractString) = open(io -> _lines(read(io, String)), path)
function _lines(s::String)
    ls = split(s, "\n")
    isempty(ls[end]) && pop!(ls)
    String[l for l in ls]
end
write(path::AbstractString, s::String) = (open(io -> write(io, s), path, "w"); sizeof(s))
function filesize(path::AbstractString)
    n = ccall(:jl_fs_size, Int, (String,), String(path))
    n < 0 && throw(SystemError(string("stat(", repr(String(path)), ")"), -n))
    n
end
isfile(path::AbstractString) = ccall(:jl_fs_isfile, Bool, (String,), String(path))
ispath(path::AbstractString) = ccall(:jl_fs_exists, Bool, (String,), String(path))
# paths: "/"-separated; an absolute later part replaces what came before
joinpath(a::AbstractString) = String(a)
function joinpath(a::AbstractString, b::AbstractString, rest::AbstractString...)
    p = startswith(b, "/") || isempty(a) ? String(b) : endswith(a, "/") ? string(a, b) : string(a, "/", b)
    isempty(rest) ? p : joinpath(p, rest...)
end
tempdir() = ccall(:jl_tempdir, String, ())
tempname() = ccall(:jl_tempname, String, ())
function rm(path::AbstractString)
    r = ccall(:jl_fs_rm, Int, (String,), String(path))
    r < 0 && throw(SystemError(string("unlink(", repr(String(path)), ")"), -r))
    nothing
end

print(io::IO, s::String) = write(io, s)
print(io::IO, c::Char) = write(io, c)
print(io::IO, x) = show(io, x)
function print(io::IO, x, y, xs...)
    print(io, x)
    print(io, y)
    for z in xs
        print(io, z)
    end
    nothing
end
# up to four arguments without a loop over a tuple of several types, so every print is a direct call
print(io::IO, x, y) = (print(io, x); print(io, y); nothing)
print(io::IO, x, y, z) = (print(io, x); print(io, y); print(io, z); nothing)
println(io::IO) = (write(io, "\n"); nothing)
println(io::IO, x) = (print(io, x); write(io, "\n"); nothing)
println(io::IO, x, y) = (print(io, x); print(io, y); write(io, "\n"); nothing)
println(io::IO, x, y, z) = (print(io, x); print(io, y); print(io, z); write(io, "\n"); nothing)
println(io::IO, x, y, z, w) = (print(io, x); print(io, y); print(io, z); print(io, w); write(io, "\n"); nothing)
function println(io::IO, xs...)
    for x in xs
        print(io, x)
    end
    write(io, "\n")
    nothing
end
print(xs...) = print(stdout, xs...)
println(xs...) = println(stdout, xs...)
function sprint(f, args...; context=nothing)
    io = IOBuffer()
    f(context === nothing ? io : _context_io(io, context), args...)
    _takestring!(io)
end
# `context` as sprint and repr take it: an IO whose properties to use, a Pair, or a tuple of Pairs
_context_io(io::IO, ctx::IO) = IOContext(io, IOContext(ctx))
_context_io(io::IO, ctx::Tuple) = IOContext(io, ctx...)
_context_io(io::IO, ctx) = IOContext(io, ctx)
function string(xs...)
    io = IOBuffer()
    for x in xs
        print(io, x)
    end
    _takestring!(io)
end
string(s::String) = s
repr(x; context=nothing) = sprint(show, x; context=context)
(*)(a::String, b::String) = ccall(:jl_string_concat, String, (Any,), (a, b))
(*)(a::Union{String,Char}, b::Union{String,Char}, c::Union{String,Char}, xs::Union{String,Char}...) = string(a, b, c, xs...)
(*)(a::Char, b::Union{String,Char}) = string(a, b)
(*)(a::String, b::Char) = string(a, b)
