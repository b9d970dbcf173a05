# Ranges of dates and times stepped by a period: Date(2014, 1, 29):Day(1):Date(2014, 2, 3). Element i is
# start + step * (i - 1), computed afresh, since calendar steps do not add up (Jan 31 + 1 month + 1 month is
# Mar 28, not Mar 31).

# a first estimate of how many steps fit from a to b; _steps corrects it
_guess(a::Date, b::Date, s::Union{Week,Day}) = div(value(b) - value(a), days(s))
_guess(a::DateTime, b::DateTime, s::FixedPeriod) = div(value(b) - value(a), toms(s))
_guess(a::Time, b::Time, s::TimePeriod) = div(value(b) - value(a), tons(s))
function _guess(a::TimeType, b::TimeType, s::OtherPeriod)
    ya, ma, da = yearmonthday(a)
    yb, mb, db = yearmonthday(b)
    div(12 * (yb - ya) + mb - ma, value(s) * months(typeof(s)))
end
_guess(a::TimeType, b::TimeType, s::Period) =
    throw(ArgumentError(string("cannot step a ", typeof(a), " range by ", typeof(s))))

# the largest i >= 0 with a + s * i not past b (in the direction of s); a and b in that order
function _steps(a, b, s)
    i = max(_guess(a, b, s), 0)
    past(x) = value(s) > 0 ? x > b : x < b
    while i > 0 && past(a + s * i)
        i -= 1
    end
    while !past(a + s * (i + 1))
        i += 1
    end
    i
end

function Base.:(:)(start::T, step::Period, stop::T) where {T<:TimeType}
    iszero(step) && throw(ArgumentError("step cannot be zero"))
    empty = value(step) > 0 ? stop < start : stop > start
    last = empty ? start - step : start + step * _steps(start, stop, step)
    StepRange{T,typeof(step)}(start, step, last)
end
Base.:(:)(start::T, stop::T) where {T<:Union{Date,DateTime}} = start:Day(1):stop

_isempty(r::StepRange{<:TimeType}) = value(r.step) > 0 ? r.stop < r.start : r.stop > r.start
Base.isempty(r::StepRange{<:TimeType}) = _isempty(r)
Base.length(r::StepRange{<:TimeType}) = _isempty(r) ? 0 : _steps(r.start, r.stop, r.step) + 1
function Base.getindex(r::StepRange{<:TimeType}, i::Int)
    1 <= i <= length(r) || throw(BoundsError(r, i))
    r.start + r.step * (i - 1)
end
Base.iterate(r::StepRange{<:TimeType}) = _isempty(r) ? nothing : (r.start, (length(r), 1))
Base.iterate(r::StepRange{<:TimeType}, st) = st[2] >= st[1] ? nothing : (r.start + r.step * st[2], (st[1], st[2] + 1))
function Base.in(x::T, r::StepRange{T}) where {T<:TimeType}
    _isempty(r) && return false
    (value(r.step) > 0 ? r.start <= x <= r.stop : r.stop <= x <= r.start) || return false
    r.start + r.step * _steps(r.start, x, r.step) == x
end

+(p::Period, r::StepRange{<:TimeType}) = (p + first(r)):step(r):(p + last(r))
+(r::StepRange{<:TimeType}, p::Period) = p + r
-(r::StepRange{<:TimeType}, p::Period) = (first(r) - p):step(r):(last(r) - p)
