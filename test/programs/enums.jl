# @enum: names, values, printing, conversion, order, instances, a base type and the block form
@enum Fruit apple=1 banana=2 cherry
println(apple, " ", Int(banana), " ", instances(Fruit), " ", cherry)
println(Fruit(2), " ", typeof(apple), " ", apple < cherry, " ", string(banana), " ", repr(apple))
println(Symbol(cherry), " ", typemin(Fruit), " ", typemax(Fruit), " ", Integer(cherry))
show(stdout, MIME("text/plain"), banana); println()
@enum Color::UInt8 begin
    red
    green
    blue = 7
end
println([red, blue], " ", Int(blue), " ", typeof(Integer(green)), " ", Fruit <: Enum, " ", Color <: Enum{UInt8})
for c in instances(Color)
    print(c, ";")
end
println()
f(x::Fruit) = x == apple ? "a" : "other"
println(f(apple), f(banana), " ", Dict(apple => 1)[apple], " ", sort([cherry, apple, banana]))
try
    Fruit(9)
catch e
    println(sprint(showerror, e))
end
