# A closure holds an argument that nothing assigns by value, in a field typed by the closure's type parameter, so
# its body infers; a variable assigned after capture stays in a Core.Box
adder(k) = x -> x + k
f = adder(2)
@code_typed f(3)
function bump(k)
    g = () -> k
    k = k + 1
    g
end
h = bump(1)
@code_typed h()
function shifter(v)
    m = sum(v) / length(v)
    x -> x - m
end
s = shifter([1.0, 2.0])
@code_typed s(1.0)
