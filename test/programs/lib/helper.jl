# Included by include_main.jl: definitions, a nested include (found relative to this file), and a last value.
include("units.jl")
const GREETING = "hello"
greet(name) = string(GREETING, ", ", name, "!")
square(x) = x * x
struct Temperature
    celsius::Float64
end
fahrenheit(t::Temperature) = t.celsius * 9 / 5 + CELSIUS_OFFSET
square(7)
