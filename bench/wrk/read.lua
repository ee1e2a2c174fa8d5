-- wrk script: GET the progress view of complaints by number with a channel system's bearer token
-- (TOKEN), each connection going round the numbers in NUMBERS (a file, the number first on each
-- line, as bench/LoadGen.java writes it), each thread starting at another place. Counts the
-- answers that are not 200 and prints them when wrk is done.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do
  local n = line:match("^(%S+)")
  if n then numbers[#numbers + 1] = n end
end
local auth = "Bearer " .. (os.getenv("TOKEN") or "")
local threads = {}
local next_thread = 0
local i = 0
wrong = 0

function setup(thread)
  thread:set("offset", next_thread * 7919)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  local path = "/api/v1/complaints/" .. numbers[(i % #numbers) + 1]
  return wrk.format("GET", path, { ["Authorization"] = auth })
end

function response(status, headers, body)
  if status ~= 200 then wrong = wrong + 1 end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("wrong") end
  io.write(string.format("answers not 200: %d\n", n))
end
