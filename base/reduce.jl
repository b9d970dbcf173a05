# Reductions and higher-order functions over iterables.
function foldl(op, itr; init=_NoInit())
    y = iterate(itr)
    if y === nothing
        init isa _NoInit && throw(ArgumentError("reducing over an empty collection is not allowed; consider supplying `init` to the reducer"))
        return init
    end
    acc = init isa _NoInit ? y[1] : op(init, y[1])
    y = iterate(itr, y[2])
    while y !== nothing
        acc = op(acc, y[1])
        y = iterate(itr, y[2])
    end
    acc
end
struct _NoInit end
reduce(op, itr; init=_NoInit()) = foldl(op, itr; init=init)
sum(itr) = foldl(+, itr)
sum(f, itr) = foldl(+, Generator(f, itr))
prod(itr) = foldl(*, itr)
prod(f, itr) = foldl(*, Generator(f, itr))
maximum(itr) = foldl(max, itr)
minimum(itr) = foldl(min, itr)
maximum(f, itr) = foldl(max, Generator(f, itr))
minimum(f, itr) = foldl(min, Generator(f, itr))
map(f, itr) = collect(Generator(f, itr))
function map(f, a, b)
    collect(Generator(t -> f(t[1], t[2]), zip(a, b)))
end
function foreach(f, itr)
    for x in itr
        f(x)
    end
    nothing
end
function filter(f, a::Vector{T}) where T
    b = Vector{T}(undef, 0)
    for x in a
        f(x) && push!(b, x)
    end
    b
end
function any(f, itr)
    for x in itr
        f(x) && return true
    end
    false
end
function all(f, itr)
    for x in itr
        f(x) || return false
    end
    true
end
any(itr) = any(identity, itr)
all(itr) = all(identity, itr)
function count(f, itr)
    n = 0
    for x in itr
        f(x) && (n += 1)
    end
    n
end
function findfirst(f, a::Vector)
    for i in 1:length(a)
        f(a[i]) && return i
    end
    nothing
end
function sort!(a::Vector; rev::Bool=false)
    # insertion sort for small inputs, merge sort otherwise (stable)
    n = length(a)
    for i in 2:n
        x = a[i]
        j = i - 1
        while j >= 1 && (rev ? isless(a[j], x) : isless(x, a[j]))
            a[j + 1] = a[j]
            j -= 1
        end
        a[j + 1] = x
    end
    a
end
sort(a::Vector; rev::Bool=false) = sort!(copy(a); rev=rev)
