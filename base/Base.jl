# Base, written in Jolt. Evaluated into module Base at start-up; Main sees every Base name.
# Files are included in dependency order.

# -- numbers, text and printing
include("essentials.jl")     # identity, !, ==/isequal/hash fallbacks, convert basics, Some, Val, error(), Base exceptions
include("promotion.jl")      # promote_type, promote_rule, promote
include("number.jl")         # Number fallbacks, one/zero, abs, sign, ...
include("int.jl")            # Int8..Int128, UInt8..UInt128 arithmetic on intrinsics; div/rem/mod/gcd/lcm/powers
include("float.jl")          # Float32/Float64 arithmetic, rounding, conversion, isnan/isinf, ^
include("bool.jl")
include("checked.jl")        # checked arithmetic (overflow errors)
include("math.jl")           # sqrt, exp, log, trig through foreign calls, hypot, ...
include("char.jl")
include("io.jl")             # IO, stdout/stderr, IOBuffer, print/println/write
include("show.jl")           # show/repr/string for scalars, types, symbols, exceptions (showerror)
include("complex.jl")       # Complex{T}, im
include("gmp.jl")            # BigInt
include("rational.jl")       # Rational{T}, //, RoundingMode
# -- collections
include("tuple.jl")
include("pair.jl")
include("namedtuple.jl")
include("range.jl")          # UnitRange, StepRange, StepRangeLen (float ranges), OneTo
include("abstractarray.jl")    # what every AbstractArray has from its size and getindex
include("array.jl")          # Vector/Matrix/Array{T,N}: construction, indexing, push!/pop!/append!, similar, copy
include("iterators.jl")      # Generator, enumerate, zip, Iterators.filter/product/flatten/take/drop/rest/reverse
include("reduce.jl")         # map, filter, reduce, foldl, sum, prod, maximum, minimum, any, all, count, findfirst...
include("intfuncs.jl")        # gcd/lcm of many values, gcdx, invmod, powermod, prevpow
include("matrix.jl")           # Matrix construction, reshape, slicing, printing
include("reducedim.jl")        # reductions along dimensions (sum(A; dims=1), ...)
include("sort.jl")
include("dict.jl")
include("set.jl")
include("missing.jl")         # missing: propagation through arithmetic and comparisons, three-valued logic, skipmissing
include("broadcast.jl")      # dot syntax: broadcasted / materialize
include("channels.jl")       # Channel (its producer runs at once)
include("cartesian.jl")       # CartesianIndex, CartesianIndices
include("iterators_lazy.jl")     # IteratorSize/IteratorEltype, Base.Iterators: countfrom, cycle, take, drop, product, partition, Stateful, ...
include("showcollections.jl")  # show for arrays, tuples, dicts, sets, ranges, pairs, named tuples
# -- text utilities built on collections
include("string.jl")         # String: ncodeunits, codeunit, iterate by Char, indexing, concatenation, comparison
include("substring.jl")      # the AbstractString interface from code units; SubString
include("strings_util.jl")   # split, join, replace, strip, occursin, startswith, uppercase, reverse, repeat, ...
include("parse.jl")          # parse(Int, s; base), parse(Float64, s), tryparse, string(n; base, pad)
include("regex.jl")
include("strings_search.jl")  # find*, strip, split/rsplit/eachsplit, replace, startswith/endswith, chop
include("meta.jl")           # Meta.parse, Meta.quot, eval, macroexpand, @show, @assert, @time, @elapsed, ...
include("docs.jl")          # docstrings: @doc, the ones written before definitions, help mode
include("multimedia.jl")     # IOContext properties, MIME, show(io, MIME"text/plain"(), x) and display, as the REPL shows values
include("iddict.jl")          # IdDict: keys compared with ===
include("enums.jl")          # @enum
include("loading.jl")       # PkgId, loaded_modules, pathof, pkgdir, LOAD_PATH, active_project, @__DIR__
include("random.jl")          # rand, randn (methods from the Random standard library)
