# Unicode operators and identifiers, operator precedence and associativity
println(3 ∈ [1, 2, 3], " ", 4 ∉ [1, 2, 3], " ", 'a' ∈ "abc", " ", 5 ∈ 1:3)
println(2 ≤ 3, " ", 3 ≥ 4, " ", 1 ≠ 2, " ", 1 ≠ 1.0, " ", 1 ≡ 1.0, " ", 1 ≢ 1.0)
println(17 ÷ 5, " ", -17 ÷ 5, " ", 5 ⊻ 3, " ", xor(true, false))
inc(x) = x + 1
dbl(x) = 2x
h = inc ∘ dbl
println(h(5), " ", (dbl ∘ inc)(5), " ", (inc ∘ inc ∘ dbl)(1))
println(0.1 + 0.2 ≈ 0.3, " ", 0.1 + 0.2 == 0.3, " ", 1.0 ≈ 1.1, " ", isapprox(1.0, 1.05; atol=0.1))
println(π > 3.14, " ", round(π, digits=4), " ", round(ℯ, digits=4), " ", Float64(π))
println(2π, " ", π / 2, " ", π * 0)
println(√16, " ", √2 * √2 ≈ 2, " ", ∛27)
println([1, 2] ⊆ [3, 2, 1], " ", [1, 2] ∪ [2, 3], " ", [1, 2] ∩ [2, 3])
α = 2
β₁ = 3
x₁ = α + β₁
Δt = 0.5
println(x₁, " ", α * β₁, " ", Δt * 4)
x′ = x₁ - 1
println(x′)
# precedence: ^ is right-associative and binds tighter than unary minus
println(2^2^3, " ", -3^2, " ", (-3)^2, " ", 2 * 3^2, " ", 2.0^-1 * 4)
x = 3
println(-x^2, " ", -x * 2, " ", 10 - 2 - 3, " ", 100 / 10 / 5)
# bit shifts bind tighter than *, & is like *, | and ⊻ are like +
println(1 << 3 + 1, " ", 2 * 1 << 2, " ", 3 & 5 + 1, " ", 1 | 2 * 3, " ", 5 ⊻ 1 + 1)
# comparison chains
println(1 ≤ 2 < 3 ≠ 4, " ", 1 < 2 == true, " ", 3 > 2 > 1, " ", !true == false)
# ranges bind looser than arithmetic
println(collect(1:3 .+ 1), " ", collect(1:2:3 * 3), " ", length(0:x-1))
println(1 + 2 |> string, " ", [1, 2, 3] |> sum |> sqrt)
