# an uncaught DomainError from Base: exit status 1, message and stack trace on stderr
x = -1.0
println("computing")
y = sqrt(x)
println("not reached ", y)
