# The Random standard library, written in Jolt: Xoshiro256++ with Julia's seeding and sampling, so that seeded
# streams print what Julia prints; rand/rand!/randn/randexp, shuffle, randperm, randcycle, randstring, randsubseq.
module Random

import Base: rand, randn, copy, ==

export AbstractRNG, Xoshiro, TaskLocalRNG, MersenneTwister, RandomDevice
export rand!, randn!, randexp, randexp!, randstring, randsubseq, randsubseq!
export shuffle, shuffle!, randperm, randperm!, randcycle, randcycle!

abstract type AbstractRNG end

include("sha256.jl")
include("xoshiro.jl")
include("generation.jl")
include("ziggurat_tables.jl")
include("normal.jl")
include("misc.jl")

end # module
