# bool.jl: Bool mixes with the other numbers as their 0 or 1 (Julia's promote_rule(Bool, T) = T for a number
# type T; two Bools do arithmetic as Int)
_bool_as(x::Bool, y) = x ? one(y) : zero(y)
for op in (:+, :-, :*, :/, :(==), :<, :<=, :min, :max, :isless, :div, :rem, :mod)
    for T in (:BitInteger, :Float64, :Float32)
        @eval $op(x::Bool, y::$T) = $op(_bool_as(x, y), y)
        @eval $op(x::$T, y::Bool) = $op(x, _bool_as(y, x))
    end
end
for op in (:+, :-, :*, :div, :rem, :mod)
    @eval $op(x::Bool, y::Bool) = $op(Int64(x), Int64(y))
end
(-)(x::Bool) = -Int64(x)
(+)(x::Bool) = Int64(x)
(<)(x::Bool, y::Bool) = !x & y
(<=)(x::Bool, y::Bool) = !x | y
min(x::Bool, y::Bool) = x & y
max(x::Bool, y::Bool) = x | y
(~)(x::Bool) = !x
