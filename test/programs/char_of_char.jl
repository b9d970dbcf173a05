println(Char('A' + 2), " ", Char('x') === 'x', " ", join((Char('A' + 1), Char('a'))))
