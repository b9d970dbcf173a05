# Printf's errors: InvalidFormatStringError for a malformed format string (with the bad part marked), and
# ArgumentError for a wrong number of arguments
using Printf

function report(f)
    try
        f()
        println("no error")
    catch e
        println(typeof(e))
        print(sprint(showerror, e))
        e isa Printf.InvalidFormatStringError || println()
    end
end

report(() -> Printf.Format("%+"))
report(() -> Printf.Format("%."))
report(() -> Printf.Format("%y%d"))
report(() -> Printf.Format("abc %d %"))
report(() -> Printf.Format("%d %"))
report(() -> Printf.Format("%_1lld"))
report(() -> Printf.Format("x %-5.2l"))
println(Printf.InvalidFormatStringError <: Exception)

report(() -> @sprintf("%s%%%s", "a"))
report(() -> Printf.format(Printf.Format("%d %d"), 1, 2, 3))
report(() -> Printf.format(Printf.Format("%*d"), 5))
println(@sprintf("%s%%%s", "a", "b"))
# an integer conversion of a non-number fails when the digits are counted
try
    @sprintf("%d", "abc")
catch e
    println(typeof(e))
end
