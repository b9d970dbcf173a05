# ARGS and exit codes
println(length(ARGS))
println("about to exit")
exit(3)
println("not reached")
