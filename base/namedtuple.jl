# namedtuple.jl
