# missing (the instance of Missing, essentials.jl): a value that is not known. Arithmetic and comparisons with it give
# missing, except isequal/isless/===, which order it after every other value; & and | use three-valued logic.
struct MissingException <: Exception
    msg::String
end
showerror(io::IO, e::MissingException) = print(io, "MissingException: ", e.msg)
show(io::IO, ::Missing) = write(io, "missing")

nonmissingtype(::Type{T}) where {T} = _nonmissing(T)
_nonmissing(T) = T === Missing ? Union{} : T isa Union ? Union{_nonmissing(T.a), _nonmissing(T.b)} : T

promote_rule(::Type{Missing}, ::Type{T}) where {T} = Union{T, Missing}
convert(::Type{Missing}, ::Missing) = missing
# what no other convert method takes: into a union with Missing or Nothing, a value is converted into the union's
# other members; anything else is a MethodError (as if there were no method)
function convert(::Type{T}, x) where {T}
    if T === Missing || T === Nothing
        error("cannot convert a value to ", T === Missing ? "missing" : "nothing", " for assignment")
    end
    T isa Union && (Missing <: T || Nothing <: T) && return convert(_nonmissing_checked(T), x)
    throw(MethodError(convert, (T, x)))
end
function _nonmissing_checked(T)
    R = nonmissingtype(_nonnothing(T))
    R === Union{} && error("cannot convert a value to missing for assignment")
    R
end
_nonnothing(T) = T === Nothing ? Union{} : T isa Union ? Union{_nonnothing(T.a), _nonnothing(T.b)} : T
# a union with Missing meets S where its other members meet S, or Missing (promotion.jl's promote_rule fallback)
_promote_missing(T, S) = (R = nonmissingtype(T); Union{promote_type(R, S), Missing})
Missing() = missing
Nothing() = nothing

# unary operations and functions of one number
for f in (:!, :~, :+, :-, :abs, :abs2, :sign, :zero, :one, :iszero, :isone, :isnan, :isinf, :isfinite, :isodd,
          :iseven, :sqrt, :exp, :log, :sin, :cos, :tan, :float, :inv, :round, :floor, :ceil, :trunc, :conj, :real,
          :imag, :signbit, :transpose, :adjoint)
    @eval $f(::Missing) = missing
end
zero(::Type{Missing}) = missing
one(::Type{Missing}) = missing
for f in (:round, :floor, :ceil, :trunc)
    @eval $f(::Type{T}, ::Missing) where {T} = missing
end

# binary arithmetic and comparisons: missing if either side is
for f in (:+, :-, :*, :/, :\, :^, ://, :div, :rem, :mod, :fld, :cld, :<<, :>>, :>>>, :xor, :(==), :(!=), :<, :<=,
          :>, :>=, :max, :min, :atan, :hypot, :log)
    @eval begin
        $f(::Missing, ::Missing) = missing
        $f(::Missing, ::Number) = missing
        $f(::Number, ::Missing) = missing
    end
end
for f in (:(==), :(!=), :<, :<=, :>, :>=, :max, :min)
    @eval begin
        $f(::Missing, ::Any) = missing
        $f(::Any, ::Missing) = missing
    end
end
isequal(::Missing, ::Missing) = true
isequal(::Missing, ::Any) = false
isequal(::Any, ::Missing) = false
isless(::Missing, ::Missing) = false
isless(::Missing, ::Any) = false
isless(::Any, ::Missing) = true
isapprox(::Missing, ::Missing; kws...) = missing
isapprox(::Missing, ::Number; kws...) = missing
isapprox(::Number, ::Missing; kws...) = missing

# three-valued logic: false & missing is false, true | missing is true
(&)(::Missing, ::Missing) = missing
(&)(::Missing, b::Bool) = b ? missing : false
(&)(b::Bool, ::Missing) = b ? missing : false
(&)(::Missing, ::Integer) = missing
(&)(::Integer, ::Missing) = missing
(|)(::Missing, ::Missing) = missing
(|)(::Missing, b::Bool) = b ? true : missing
(|)(b::Bool, ::Missing) = b ? true : missing
(|)(::Missing, ::Integer) = missing
(|)(::Integer, ::Missing) = missing
xor(::Missing, ::Integer) = missing
xor(::Integer, ::Missing) = missing
for f in (:*, :&, :|, :xor, :nand, :nor)
    @eval $f(::Missing) = missing
end
# concatenating text with missing gives missing
(*)(::Missing, ::Union{AbstractString,AbstractChar}) = missing
(*)(::Union{AbstractString,AbstractChar}, ::Missing) = missing
nand(x, y) = ~(x & y)
nor(x, y) = ~(x | y)
const ⊼ = nand
const ⊽ = nor

# the first argument that is not missing (unwrapping nothing)
coalesce() = missing
coalesce(x::Missing, y...) = coalesce(y...)
coalesce(x, y...) = x
# @coalesce(a, b, ...): the first of the values that is not missing, evaluating the arguments only up to it
macro coalesce(args...)
    ex = :missing
    for i in length(args):-1:1
        a = args[i]
        v = Symbol("#coalesce#val")
        ex = Expr(:block, Expr(:(=), v, esc(a)), Expr(:if, Expr(:call, :!==, v, :missing), v, ex))
    end
    Expr(:let, Expr(:block), ex)
end

# skipmissing(itr): the elements of itr that are not missing
struct SkipMissing{T}
    x::T
end
skipmissing(itr) = SkipMissing(itr)
function iterate(s::SkipMissing, state...)
    y = iterate(s.x, state...)
    while y !== nothing
        y[1] === missing || return y
        y = iterate(s.x, y[2])
    end
    nothing
end
eltype(::Type{SkipMissing{T}}) where {T} = nonmissingtype(eltype(T))
function collect(s::SkipMissing)
    out = Vector{eltype(typeof(s))}(undef, 0)
    for x in s
        push!(out, x)
    end
    out
end
show(io::IO, s::SkipMissing) = (print(io, "skipmissing("); show(io, s.x); print(io, ")"))
