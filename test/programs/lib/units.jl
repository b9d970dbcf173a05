# Included by lib/helper.jl.
const CELSIUS_OFFSET = 32
(CELSIUS_OFFSET, "°F")
