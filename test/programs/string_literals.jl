# string and character literals: triple quotes, escapes, interpolation, raw strings, repr
s = """
    Hello
      indented
    World"""
println(s)
t = """
    a
    b
    """
print(t)
println(repr(t), " ", length(t))
u = """
      x

      y
    """
println(repr(u))
println("""He said "hi".""")
println("tab:\tend|", "back\\slash|", "quote \" here|", "dollar \$x|")
println("\u00e9 \x41 \u2200 \U1F600", " ", length("\u00e9"), " ", sizeof("\u00e9"))
a, b = 2, 3
println("sum=$(a + b) prod=$(a * b) $a$b $(uppercase("x")) v=$([a, b])")
name = "Jolt"
msg = """
    Dear $name,
      total: $(a + b)
    """
print(msg)
println(raw"a\nb $x", " ", length(raw"\n"))
println("one \
         two")
println('a', '\n' == '\x0a', ' ', '\'', '\\', '\u03b1', " ", Int('\t'), " ", 'a' + 2, " ", 'z' - 'a')
println(repr('a'), " ", repr('\n'), " ", repr('\''), " ", repr('α'), " ", repr('\\'))
println(repr("é"), " ", repr("a\tb"), " ", repr("\$"), " ", repr("q\"q"), " ", repr("\\"))
println(string('a', 'b'), " ", "abc"[2], " ", "x" * 'y', " ", 'c' * "d")
println(typeof('a'), " ", typeof("a"), " ", typeof("""a"""), " ", typeof(raw"a"))
