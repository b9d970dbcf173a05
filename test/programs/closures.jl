# closures: captured variables are shared bindings, not copies
function make_counter()
    count = 0
    () -> (count += 1)
end
c1 = make_counter()
c2 = make_counter()
c1(); c1()
println(c1(), " ", c2(), " ", c1())
function make_account(balance)
    deposit(x) = (balance += x)
    withdraw(x) = (balance -= x)
    current() = balance
    return deposit, withdraw, current
end
dep, wd, cur = make_account(100)
dep(50); wd(30)
println(cur(), " ", dep(5), " ", cur())
function later()
    a = 1
    g = () -> a * 10
    a = 5
    g()
end
println(later())
x = 1
getx = () -> x
x = 2
println(getx())
function make_acc()
    total = 0.0
    v -> (total += v; total)
end
acc = make_acc()
acc(1.5)
println(acc(2), " ", acc(-0.5))
adder(a) = b -> a + b
add3 = adder(3)
println(add3(4), " ", adder(10)(1), " ", map(adder(100), [1, 2]))
function fact_closure(n)
    fact(k) = k <= 1 ? 1 : k * fact(k - 1)
    fact(n)
end
println(fact_closure(10))
gs = []
k = 0
while k < 3
    global k += 1
    local m = k
    push!(gs, () -> m)
end
println([g() for g in gs])
function collector()
    items = String[]
    add!(s) = push!(items, s)
    add!("a"); add!("b")
    items
end
println(collector())
y = let a = 1, b = a + 1
    a + b
end
z = 100
let z = 1
    z += 1
    println(z)
end
println(y, " ", z)
fs = let n = 0
    [() -> (n += i) for i in 1:3]
end
println(fs[1](), " ", fs[3](), " ", fs[2]())
function twice(f)
    x -> f(f(x))
end
println(twice(adder(5))(0), " ", twice(twice(x -> 2x))(1))
