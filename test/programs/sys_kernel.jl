# Sys: what kind of system the program runs on (the tests run on Linux)
println(Sys.isunix())
println(Sys.islinux())
println(Sys.iswindows())
println(Sys.isapple())
println(Sys.WORD_SIZE)
if Sys.isunix()
    println("unix")
end
