s = """
    a
    b"""
println(repr(s))
t = "x
y"
println(repr(t))
println(1 +
  2)
