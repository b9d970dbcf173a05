# Lowered closures and keyword functions: closure types and keyword bodies are named by the module's own counter,
# so these printouts do not depend on what else was lowered before.
function make_adder(k)
    x -> x + k
end
function counter()
    n = 0
    bump() = (n += 1)
    bump()
    n
end
scaled(x; factor = 2) = x * factor
@code_lowered make_adder(1)
@code_lowered make_adder(1)(2)
@code_lowered counter()
@code_lowered scaled(3)
@code_lowered scaled(3; factor = 4)
