f21510(; @nospecialize a = 2) = a
f34516(; @nospecialize(x)) = 0
f34516(y; @nospecialize(x::Any)) = 1
g(@nospecialize(x), y) = (x, y)
function h(x, y)
    @nospecialize x y
    x + y
end
println(f21510(), " ", f21510(a = 3), " ", f34516(x = 1), " ", f34516(0; x = 1), " ", g(1, 2), " ", h(1, 2))
