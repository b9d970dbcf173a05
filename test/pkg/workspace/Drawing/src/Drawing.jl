module Drawing

using Vectors
using Units: meters
import Colors

export describe

describe(v::Vec) = string(meters(norm1(v)), " in ", Colors.name(Colors.RED))

end # module Drawing
