# showcollections.jl
# the vectors being shown (show.jl), innermost last
const _shown_vectors = Any[]
