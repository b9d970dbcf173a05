println('\xc3\xa9' == 'é', " ", '\x41')
try
    c = '\xc0\xa0'
catch e
    println(e)
end
