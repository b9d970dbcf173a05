# strings: interpolation, UTF-8 indexing, iteration by Char, utilities
name = "Jolt"
println("Hello, $name! $(1 + 2)")
s = "héllo"
println(length(s), " ", ncodeunits(s))
println(s[1], " ", s[2])
for c in "abc"
    print(c, '-')
end
println()
println(uppercase("abc"), " ", reverse("abc"))
println(join(["a", "b", "c"], ", "))
println(length(split("a b c")), " ", join(split("a b c"), "+"))
println(repr("quote\"d"))
println(parse(Int, "42") + 1)
println(string(255, base=16))
println('a' + 1)
println("abc" * "def")
println(occursin("ll", "hello"))
