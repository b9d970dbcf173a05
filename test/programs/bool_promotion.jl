# Bool mixes with integers and floats as 0 or 1 of the other type
println(1 == true, " ", true == 1.0, " ", 0x01 == true, " ", 2.0 > true)
println(1 < true, " ", true < 2, " ", min(1, true), " ", max(false, 0.5))
println(sort([2, true, 0x01]), " ", typeof([2, true, 0x01]), " ", [1, 0x02])
println(true + 1, " ", true + true, " ", 1.5 * true, " ", -true, " ", true - 2.0)
println(true < false, " ", false <= true, " ", isless(true, 2))
