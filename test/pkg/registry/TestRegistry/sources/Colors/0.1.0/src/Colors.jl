module Colors

struct Color
    name::String
end
const RED = Color("red")
name(c::Color) = c.name
const VERSION_TAG = "0.1"

end # module Colors
