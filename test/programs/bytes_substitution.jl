v = b"a\x00\xffé\n"
println(v)
println(String(UInt8[0x68, 0x69]), " ", codeunits("hé"))
println(unescape_string("a\\tb\\x41\\u00e9\\101\\\\"))
s = "quick quicker quickest"
println(replace(s, "q" => s"a\0b\n\\\g<0>") == "aqb\n\\quick aqb\n\\quicker aqb\n\\quickest")
println(replace("abc", r"(b)" => s"[\1]"), " ", replace("a-b", r"(?<x>-)" => s"<\g<x>>"), " ", replace("ab", r"b" => s"$"))
println(s"x\1")
