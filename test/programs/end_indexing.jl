# `end` and `begin` inside indexing expressions
v = [10, 20, 30, 40, 50]
println(v[end], " ", v[end-1], " ", v[begin], " ", v[begin+1], " ", v[end÷2], " ", v[(end+1)÷2])
println(v[2:end], " ", v[end:-1:1], " ", v[begin:2:end], " ", v[end-1:end])
println(v[[1, end]], " ", v[min(end, 10)], " ", v[length(v)-end+1], " ", v[end:end])
v[end] = 99
v[begin] += 1
println(v)
v[end-1:end] .= 0
println(v)
s = "hello"
println(s[end], " ", s[begin], " ", s[2:end], " ", s[end-2:end], " ", s[end:-1:1])
u = "αβγ"
println(u[end], " ", u[begin], " ", lastindex(u), " ", u[end-2:end])
t = (1, 2, 3)
println(t[end], " ", t[end-1], " ", t[2:end])
r = 1:10
println(r[end], " ", r[end-2:end], " ", r[begin:3:end])
m = [1 2 3; 4 5 6]
println(m[end, 1], " ", m[1, end], " ", m[end, end], " ", m[end], " ", m[end-1, end-1])
println(m[end, :], " ", m[:, end], " ", size(m, 1) == lastindex(m, 1))
nested = [[1, 2], [3, 4, 5]]
println(nested[end][end], " ", nested[1][end], " ", nested[end][end-1:end])
idx = [3, 1, 2]
println(v[idx[end]], " ", v[idx][end])
function lastpair(a)
    a[end-1], a[end]
end
println(lastpair([7, 8, 9]), " ", lastpair("xyz"))
w = collect(1:6)
w[end:-2:1] = [60, 40, 20]
println(w)
