# IO: standard streams write through the runtime's buffered output; IOBuffer collects bytes in memory.
abstract type IO end
struct StdStream <: IO
    fd::Int
end
const stdout = StdStream(1)
const stderr = StdStream(2)
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
function println(io::IO, xs...)
    for x in xs
        print(io, x)
    end
    write(io, "\n")
    nothing
end
print(xs...) = print(stdout, xs...)
println(xs...) = println(stdout, xs...)
function sprint(f, args...)
    io = IOBuffer()
    f(io, args...)
    _takestring!(io)
end
function string(xs...)
    io = IOBuffer()
    for x in xs
        print(io, x)
    end
    _takestring!(io)
end
string(s::String) = s
repr(x) = sprint(show, x)
(*)(a::String, b::String) = ccall(:jl_string_concat, String, (Any,), (a, b))
(*)(a::Union{String,Char}, b::Union{String,Char}, c::Union{String,Char}, xs::Union{String,Char}...) = string(a, b, c, xs...)
(*)(a::Char, b::Union{String,Char}) = string(a, b)
(*)(a::String, b::Char) = string(a, b)
