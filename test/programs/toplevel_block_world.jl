# A method defined by a toplevel block is callable by the block's later statements (each runs in the newest world)
if true
    function blockf(n)
        n + 1
    end
    println(blockf(1))
end
let
    global blockg(x) = 2x
    println(blockg(21))
end
if 1 > 0
    function blockh(n)
        s = 0
        for i in 1:n
            s += i
        end
        s
    end
    blockh(3)
    println(blockh(10))
    blockf(n) = n + 100
    println(blockf(1))
end
