module Colors

struct Color
    name::String
end
const RED = Color("crimson")
name(c::Color) = c.name
const VERSION_TAG = "0.2"

end # module Colors
