include("harness.jl")

function run(reps)
    sum = 0.0
    for j in 1:reps
        sum = 0.0
        for k in 1:10000
            sum += 1.0 / (k * k)
        end
    end
    return sum
end

const N = benchsize(500)
bench("pisum", () -> run(N))
