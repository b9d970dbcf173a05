astr = "Hello, world.\n"
u8str = "∀ ε > 0, ∃ δ > 0: |x-y| < δ ⇒ |f(x)-f(y)| < ε"
println(findfirst("x", astr), " ", findfirst("H", astr), " ", findnext("H", astr, 2), " ", findfirst("l", astr))
println(findprev("H", astr, 2), " ", findprev("l", astr, 10), " ", findprev("l", astr, 3), " ", findprev("l", astr, 2))
println(findlast("l", astr), " ", findfirst("∃", u8str), " ", findprev("∃", u8str, 12), " ", findprev("x", u8str, 42))
println(findnext('o', astr, 6), " ", findprev('o', astr, 7), " ", findnext(isspace, astr, 1), " ", findfirst("", astr), " ", findlast("", "abc"))
println(findnext(==('ε'), u8str, 7), " ", findprev(isequal('ε'), u8str, 4))
for f in (() -> findnext('a', "abc", 5), () -> findnext('x', "∀x", 2))
    try
        f()
    catch e
        println(typeof(e))
    end
end
