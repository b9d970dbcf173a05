# The package manager. Each operation is carried out by Jolt's runtime (src/pkg/, through the foreign call
# jl_pkg_command), which reads and writes the environment's files and prints Pkg's messages; a failure comes back
# as its message and is thrown here as a PkgError.
module Pkg

export PackageSpec

struct PkgError <: Exception
    msg::String
end
Base.showerror(io::IO, e::PkgError) = print(io, e.msg)

struct PackageSpec
    name::Union{Nothing,String}
    path::Union{Nothing,String}
    version::Union{Nothing,String}
end
PackageSpec(name::AbstractString) = PackageSpec(String(name), nothing, nothing)
PackageSpec(; name = nothing, path = nothing, version = nothing) =
    PackageSpec(_str(name), _str(path), _str(version))

_str(x::Nothing) = nothing
_str(x) = string(x)

function _run(op::String, specs::Vector{PackageSpec}, arg = nothing)
    flat = Any[]
    for s in specs
        push!(flat, s.name === nothing ? "" : s.name)
        push!(flat, s.path === nothing ? "" : s.path)
        push!(flat, s.version === nothing ? "" : s.version)
    end
    r = ccall(:jl_pkg_command, Any, (Any, Any, Any), op, arg === nothing ? "" : String(arg), flat)
    r === nothing || throw(PkgError(r))
    nothing
end

_specs(s::PackageSpec) = PackageSpec[s]
_specs(s::AbstractString) = PackageSpec[PackageSpec(s)]
_specs(v::AbstractVector) = PackageSpec[x isa PackageSpec ? x : PackageSpec(x) for x in v]

add(pkg::Union{AbstractString,PackageSpec,AbstractVector}) = _run("add", _specs(pkg))
add(; name = nothing, path = nothing, version = nothing) = _run("add", _specs(PackageSpec(; name, path, version)))

develop(pkg::Union{PackageSpec,AbstractVector}) = _run("develop", _specs(pkg))
develop(name::AbstractString) = _run("develop", _specs(PackageSpec(; name)))
develop(; name = nothing, path = nothing) = _run("develop", _specs(PackageSpec(; name, path)))
const dev = develop

rm(pkg::Union{AbstractString,PackageSpec,AbstractVector}) = _run("rm", _specs(pkg))
rm(; name) = _run("rm", _specs(PackageSpec(; name)))

status() = _run("status", PackageSpec[])
const st = status
instantiate() = _run("instantiate", PackageSpec[])
resolve() = _run("resolve", PackageSpec[])
test() = _run("test", PackageSpec[])
precompile() = _run("precompile", PackageSpec[])
test(pkg::Union{AbstractString,PackageSpec,AbstractVector}) = _run("test", _specs(pkg))

activate() = _run("activate", PackageSpec[])
activate(path::AbstractString) = _run("activate", PackageSpec[], path)
generate(path::AbstractString) = _run("generate", PackageSpec[], path)

end # module Pkg
