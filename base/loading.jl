# Code loading as Julia shows it: packages by PkgId in loaded_modules, their files in pkgorigins (pathof, pkgdir),
# LOAD_PATH and active_project(), @__FILE__ and @__DIR__. Finding and loading a package is the runtime's
# (src/pkg/loading.ts), which calls _register_package once per package loaded.
dirname(p::AbstractString) = ccall(:jl_path_dirname, String, (String,), String(p))
basename(p::AbstractString) = ccall(:jl_path_basename, String, (String,), String(p))
abspath(p::AbstractString) = ccall(:jl_path_abspath, String, (String,), String(p))
pwd() = ccall(:jl_pwd, String, ())

struct PkgId
    uuid::Union{Nothing,String}
    name::String
end
PkgId(name::AbstractString) = PkgId(nothing, String(name))
==(a::PkgId, b::PkgId) = a.uuid == b.uuid && a.name == b.name
function show(io::IO, p::PkgId)
    print(io, p.name)
    p.uuid === nothing || print(io, " [", p.uuid, "]")
end

const loaded_modules = Dict{PkgId,Module}()
const pkgorigins = Dict{PkgId,String}()
const LOAD_PATH = String["@", "@v#.#", "@stdlib"]
loaded_modules[PkgId("Core")] = Core
loaded_modules[PkgId("Base")] = Base

function _register_package(uuid, name::String, file::String, m::Module)
    id = PkgId(uuid, name)
    loaded_modules[id] = m
    pkgorigins[id] = file
    nothing
end

# the source file a package was loaded from, or nothing for a module that is not a package
function pathof(m::Module)
    for (id, mod) in loaded_modules
        mod === m && return get(pkgorigins, id, nothing)
    end
    nothing
end
function pkgdir(m::Module)
    p = pathof(m)
    p === nothing ? nothing : dirname(dirname(p))
end
function pkgdir(m::Module, parts::AbstractString...)
    d = pkgdir(m)
    d === nothing ? nothing : joinpath(d, parts...)
end

active_project() = ccall(:jl_active_project, Any, ())
function load_path()
    out = String[]
    for e in LOAD_PATH
        p = ccall(:jl_load_path_expand, Any, (Any,), e)
        p === nothing || p in out || push!(out, p)
    end
    out
end

macro __FILE__()
    f = __source__.file
    f === nothing ? nothing : String(f)
end
macro __DIR__()
    f = __source__.file
    f === nothing && return nothing
    s = String(f)
    startswith(s, "REPL[") || s == "none" ? pwd() : dirname(abspath(s))
end

# precompile(f, argtypes): compiles the method instance now (to native code when the native tier is on); a package
# being precompiled keeps it in its cache. Whether a method matches.
precompile(f, argtypes::Tuple) = ccall(:jl_precompile, Any, (Any, Any), f, argtypes)::Bool
# whether this process is precompiling a package (code that must not run while it does can test this)
generating_output(incremental::Union{Bool,Nothing} = nothing) = ccall(:jl_generating_output, Any, ())::Bool
