# The WebAssembly codegen makes, before binaryen optimizes it: arithmetic, branches, loops, calls, structs, floats.
add1(x) = x + 1
sgn(x) = x > 0 ? 1 : x < 0 ? -1 : 0
function count_to(n)
    s = 0
    i = 1
    while i <= n
        s += i
        i += 1
    end
    s
end
fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
struct Pt
    x::Float64
    y::Float64
end
dot2(p::Pt, q::Pt) = p.x * q.x + p.y * q.y
function sum_vec(v::Vector{Float64})
    t = 0.0
    for x in v
        t += x
    end
    t
end
@code_wasm optimize=false add1(2)
@code_wasm optimize=false sgn(3)
@code_wasm optimize=false count_to(3)
@code_wasm optimize=false fib(10)
@code_wasm optimize=false dot2(Pt(1.0, 2.0), Pt(3.0, 4.0))
@code_wasm optimize=false sum_vec([1.0, 2.0])
