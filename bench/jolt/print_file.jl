include("harness.jl")

# 10^5 lines "i i*i" written to a file; checksum: the file's size in bytes.
function run(n)
    path = "bench/out/print_file_jolt.txt"
    open(path, "w") do io
        for i in 1:n
            println(io, i, " ", i * i)
        end
    end
    return filesize(path)
end

const N = benchsize(100000)
bench("print_file", () -> run(N))
