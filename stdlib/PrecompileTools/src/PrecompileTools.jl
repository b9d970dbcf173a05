# Workloads for precompilation: code in `@compile_workload` runs while a package is precompiled (never when it
# is loaded from its cache), with every call compiled to native code at its first call, and the package cache
# keeps all of it, callees reached through dynamic dispatch included. `@setup_workload` holds code that prepares
# data for the workloads and whose own compilation need not be kept (in Jolt it is kept too: it costs nothing).
module PrecompileTools

export @setup_workload, @compile_workload, @recompile_invalidations

const verbose = Ref(false)

macro setup_workload(ex::Expr)
    return esc(quote
        if ccall(:jl_generating_output, Any, ()) === true
            let
                $ex
            end
        end
    end)
end

# the statements stay at the toplevel (interpreted); every call they make is compiled at once
macro compile_workload(ex::Expr)
    return esc(quote
        if ccall(:jl_generating_output, Any, ()) === true
            let
                ccall(:jl_workload_begin, Any, ())
                try
                    $ex
                finally
                    ccall(:jl_workload_end, Any, ())
                end
            end
        end
    end)
end

# invalidations are recompiled on demand in Jolt: the code runs as it is
macro recompile_invalidations(ex)
    return esc(ex)
end

end # module PrecompileTools
