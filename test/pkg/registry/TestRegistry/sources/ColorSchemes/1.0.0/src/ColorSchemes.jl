module ColorSchemes

import Colors

scheme() = [Colors.RED]

end # module ColorSchemes
