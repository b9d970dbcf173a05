function build(n)
    v = Float64[]
    w = Int[]
    s = String[]
    for i in 1:n
        push!(v, i / 2)
        push!(w, i)
        push!(s, string(i))
    end
    pop!(v); pop!(w); pop!(s)
    (v, w, s)
end
v, w, s = build(10)
println(v, " ", size(v), " ", length(v))
println(w, " ", size(w))
println(s, " ", size(s))
resize!(w, 3); println(w)
append!(w, [7, 8]); println(w, size(w))
function f2(n)
  b = Bool[]
  for i in 1:n; push!(b, isodd(i)); end
  b
end
println(f2(5), size(f2(5)))
x = Int[]
try
  pop!(x)
catch e
  println(e)
end
v, w, s = build(100000)
println(length(v), " ", sum(w), " ", s[end])
try
  resize!(x, -1)
catch e
  println(e)
end
# a comprehension over a closure: iterate(::Generator, s...) splats its state
g(n, v) = [n % p > 0 for p in v]
println(g(3, [1, 2, 3, 4, 5, 6]))
h(t) = +(t..., 1)
println(h((2, 3.5)))
