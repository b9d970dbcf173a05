v = [1, 2, 3]
function get4(v)
    return v[4]
end
get4(v)
