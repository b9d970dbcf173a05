# The idioms infer their concrete result types in the caller: a two-dimensional comprehension is a Matrix, a nested
# one a Vector of the inner element type, map! returns its destination, and accumulate a Vector of its first value
mat(a, b) = [x * y for x in a, y in b]
@code_typed mat([1], [2])
nest(a) = [y for x in a for y in x]
@code_typed nest([[1]])
inc!(w, v) = map!(x -> x + 1, w, v)
@code_typed inc!([1], [2])
acc(v) = accumulate(+, v)
@code_typed acc([1])
