# @enum: a type whose values are named integers. Each enum is a struct holding its value (Julia makes a primitive
# type); what a program sees of it (names, printing, conversion, order, instances) is Julia's.
abstract type Enum{T<:Integer} end
function instances end
function _enum_name end

Integer(x::Enum) = x.val
Int64(x::Enum) = Int64(x.val)
Int32(x::Enum) = Int32(x.val)
UInt8(x::Enum) = UInt8(x.val)
isless(x::T, y::T) where {T<:Enum} = isless(x.val, y.val)
<(x::T, y::T) where {T<:Enum} = x.val < y.val
<=(x::T, y::T) where {T<:Enum} = x.val <= y.val
hash(x::Enum, h::UInt) = hash(x.val, hash(typeof(x), h))
Symbol(x::Enum) = _enum_name(x)
print(io::IO, x::Enum) = print(io, Symbol(x))
show(io::IO, x::Enum) = print(io, Symbol(x))
function show(io::IO, ::MIME{Symbol("text/plain")}, x::Enum)
    print(io, Symbol(x), "::")
    show(io, typeof(x))
    print(io, " = ")
    show(io, x.val)
end
typemin(T::Type{<:Enum}) = first(instances(T))
typemax(T::Type{<:Enum}) = last(instances(T))

macro enum(T, syms...)
    basetype = :Int32
    if T isa Expr && T.head === :(::)
        basetype = T.args[2]
        T = T.args[1]
    end
    T isa Symbol || throw(ArgumentError("invalid type expression for enum $T"))
    if length(syms) == 1 && syms[1] isa Expr && syms[1].head === :block
        syms = Tuple(filter(s -> !(s isa LineNumberNode), syms[1].args))
    end
    names = Symbol[]
    values = Any[]
    next = 0
    for s in syms
        if s isa Symbol
            name = s
            v = next
        elseif s isa Expr && s.head === :(=) && s.args[1] isa Symbol
            name = s.args[1]
            v = eval(__module__, s.args[2])
            v isa Integer || throw(ArgumentError("invalid value for Enum $T, $s; values must be integers"))
        else
            throw(ArgumentError("invalid argument for Enum $T: $s"))
        end
        name in names && throw(ArgumentError("name \"$name\" in Enum $T is not unique"))
        v in values && throw(ArgumentError("value for Enum $T, $name = $v is not unique"))
        push!(names, name)
        push!(values, v)
        next = v + 1
    end
    vals = Tuple(values)
    check = :(x in $vals || throw(ArgumentError(string("invalid value for Enum ", $(QuoteNode(T)), ": ", x))))
    def = Expr(:struct, false, Expr(:<:, T, Expr(:curly, :Enum, basetype)),
        Expr(:block, Expr(:(::), :val, basetype),
            Expr(:(=), Expr(:call, T, Expr(:(::), :x, :Integer)), Expr(:block, check, Expr(:call, :new, :x)))))
    out = Any[def]
    for (n, v) in zip(names, values)
        push!(out, Expr(:const, Expr(:(=), n, Expr(:call, T, v))))
    end
    push!(out, :(Base.instances(::Type{$T}) = $(Expr(:tuple, names...))))
    syms = Expr(:tuple, [QuoteNode(n) for n in names]...)
    push!(out, :(Base._enum_name(x::$T) = $syms[findfirst(==(x.val), $vals)]))
    push!(out, nothing)
    esc(Expr(:toplevel, out...))
end
