for f in (:first, :last)
    @eval $(Symbol(:myfn_, f))(x) = Base.$f(x)
end
println(myfn_first([4, 5]), " ", myfn_last([4, 5]))
ex = :(Base.$(:sum)([1, 2]))
println(eval(ex))
println(:(Base.$(:f)), " ", :(a.$(:b).c))
