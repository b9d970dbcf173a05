# checked.jl: integer arithmetic that raises OverflowError instead of wrapping (Base.Checked, as Rational uses it)
_overflow(op, x, y) = throw(OverflowError(string(x, " ", op, " ", y, " overflowed for type ", typeof(x))))
function checked_add(x::T, y::T) where {T<:BitSigned}
    r, o = checked_sadd_int(x, y)
    o ? _overflow(:+, x, y) : r
end
function checked_sub(x::T, y::T) where {T<:BitSigned}
    r, o = checked_ssub_int(x, y)
    o ? _overflow(:-, x, y) : r
end
function checked_mul(x::T, y::T) where {T<:BitSigned}
    r, o = checked_smul_int(x, y)
    o ? _overflow(:*, x, y) : r
end
checked_add(x::T, y::T) where {T<:BitUnsigned} = (r = x + y; r < x ? _overflow(:+, x, y) : r)
checked_sub(x::T, y::T) where {T<:BitUnsigned} = y > x ? _overflow(:-, x, y) : x - y
checked_mul(x::T, y::T) where {T<:BitUnsigned} = (r = x * y; (y != zero(T) && div(r, y) != x) ? _overflow(:*, x, y) : r)
checked_add(x::Bool, y::Bool) = x + y
checked_sub(x::Bool, y::Bool) = x - y
checked_mul(x::Bool, y::Bool) = x * y
checked_add(x::Integer, y::Integer) = checked_add(promote(x, y)...)
checked_sub(x::Integer, y::Integer) = checked_sub(promote(x, y)...)
checked_mul(x::Integer, y::Integer) = checked_mul(promote(x, y)...)
checked_neg(x::T) where {T<:Integer} = checked_sub(zero(T), x)
function checked_abs(x::BitSigned)
    r = x < 0 ? -x : x
    r < 0 && throw(OverflowError(string("checked arithmetic: cannot compute |x| for x = ", x, "::", typeof(x))))
    r
end
checked_abs(x::Integer) = abs(x)
