module Vectors

export Vec, norm1

struct Vec
    x::Int
    y::Int
end

norm1(v::Vec) = abs(v.x) + abs(v.y)

end # module Vectors
