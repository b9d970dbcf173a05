println(sizeof("\xff"), " ", sizeof("é"), " ", sizeof("\u00e9"), " ", sizeof("\377"))
println(nextind("\xce", 1), " ", nextind("a\xb1\x83", 1), " ", isvalid("\xce"), " ", isvalid("é€😀"))
println(length("a\xb1\x83z"), " ", codeunit("\xc0\xa0", 2))
s = "αβ\$x\t😀"
println(s, " ", length(s), " ", sizeof(s))
println(sizeof("\ud800"), " ", isvalid("\ud800"))
println(raw"a\b\\", " ", raw"q\"", " ", r"é+" isa Regex)
println("""
    ü
      ß""")
