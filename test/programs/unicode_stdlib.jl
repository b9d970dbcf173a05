# The Unicode standard library: normal forms, case folding, stripping marks, graphemes, assigned code points
using Unicode

println("é" == Unicode.normalize("é"))        # U+00E9 and e + U+0301
println("μ" == Unicode.normalize("µ", compat=true))
println(Unicode.normalize("JuLiA", casefold=true))
println(Unicode.normalize("JúLiA", stripmark=true))
println(length("\u00e9"), " ", length(Unicode.normalize("\u00e9", :NFD)), " ", length(Unicode.normalize("e\u0301", :NFC)))
println(Unicode.normalize("ﬁ", :NFKC), " ", Unicode.normalize("ﬁ", :NFC), " ", Unicode.normalize("x²", :NFKD))
println(Unicode.normalize("e\u0301", decompose=true) == "e\u0301", " ", Unicode.normalize("Ünïcödé", stripmark=true, casefold=true))
println(repr(Unicode.normalize("a\r\nb\rc", newline2lf=true)), " ", repr(Unicode.normalize("a\tb\x01c", stripcc=true)))
println(Unicode.normalize("soft\u00adhyphen", stripignore=true))

println(Unicode.julia_chartransform('\u00B5'), " ", Unicode.julia_chartransform('x'), " ",
        Unicode.normalize("\u00B5x", chartransform=Unicode.julia_chartransform) == "\u03BCx")
println(Unicode.isassigned(101), " ", Unicode.isassigned('\x01'), " ", Unicode.isassigned(0x0378), " ", Unicode.isassigned('α'))

s1 = "no\u00EBl"
s2 = "noe\u0308l"
println(s1 == s2, " ", isequal_normalized(s1, s2), " ", isequal_normalized(s1, "noel", stripmark=true), " ",
        isequal_normalized(s1, "NOËL", casefold=true), " ", isequal_normalized(s1, "NOËL"))

myreverse(s) = join(reverse(collect(graphemes(s))))
for s in ("as⃝df̅", "hi 👋🏾", "Würstchenstand", "ผู้เขียนโปรแกรม", "子猫")
    println(myreverse(s), " ", length(graphemes(s)), " ", length(s))
end
for g in graphemes("e\u0301x")
    println(repr(g))
end
println(graphemes("ab\u0301cd", 2:3))
println(textwidth('α'), " ", textwidth("March"), " ", textwidth("子猫"), " ", textwidth("e\u0301"))

for f in (() -> Unicode.normalize("x", :NFX), () -> Unicode.normalize("x", newline2lf=true, newline2ls=true),
          () -> Unicode.normalize("x", compose=false, stripmark=true))
    try
        f()
    catch e
        println(e)
    end
end
