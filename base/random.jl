# `rand` and `randn` are Base's functions, as in Julia; their methods come from the Random standard library, which
# the Base image loads, so that they work without `using Random`.
function rand end
function randn end
