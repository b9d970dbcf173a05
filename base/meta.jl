# Reflection and utility macros.
macro show(exs...)
    blk = Expr(:block)
    for ex in exs
        push!(blk.args, :(println($(string(ex)), " = ", repr($(esc(ex))))))
    end
    blk
end
macro code_lowered(ex)
    :(println(ccall(:jl_code_lowered, String, (Any, Any), $(esc(ex.args[1])), ($(map(esc, ex.args[2:end])...),))))
end
macro time(ex)
    quote
        local t0 = time_ns()
        local val = $(esc(ex))
        local t1 = time_ns()
        println("  ", round((t1 - t0) / 1.0e9; digits=6), " seconds")
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
macro view(ex)
    esc(ex)
end
macro views(ex)
    esc(ex)
end
