module Units

meters(x) = string(x, " m")

# the folder of this file, as the macro sees it while the package loads
const SRC = @__DIR__

end # module Units
