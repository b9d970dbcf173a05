# Files: open with a do block, println to a file, read it back, sizes, errors
path = tempname()
open(path, "w") do io
    for i in 1:3
        println(io, i, " squared is ", i * i)
    end
    print(io, "done")
end
println(isfile(path), " ", filesize(path))
println(readlines(path))
text = read(path, String)
println(length(text), " ", count(c -> c == '\n', text))
io = open(path, "a")
println(io)
println(io, "appended")
close(io)
println(readlines(path)[end])
println(isopen(io))
rm(path)
println(isfile(path))
try
    open(joinpath(path, "missing.txt"))
catch e
    println(typeof(e))
end
try
    filesize(path)
catch e
    println(e isa SystemError)
end
closedpath = tempname()
closed = open(closedpath, "w")
close(closed)
try
    println(closed, "late")
catch e
    println(e)
end
rm(closedpath)
