# Complex numbers: construction with im, arithmetic with reals and complexes, printing, abs/conj/real/imag
z = 1 + 2im
println(z, " ", typeof(z))
w = 1.5 - 0.5im
println(w, " ", typeof(w))
println(z * w, " ", z + w, " ", z - 1, " ", 2z, " ", z / 2)
println(abs(3 + 4im), " ", abs2(z), " ", conj(z), " ", real(z), " ", imag(z))
println(z^2, " ", im * im, " ", im)
println(complex(0.5, -1.0), " ", z == 1 + 2im, " ", (1.0 + 0im) == 1)
show(stdout, 2.0 + 3.0im); println()
