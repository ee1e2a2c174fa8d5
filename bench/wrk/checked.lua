-- Appended to a wrk script (dofile, after the script's own functions): counts the answers whose
-- status is not EXPECT_STATUS (200 unless set) and prints "answers not <status>: N" when wrk is
-- done. Chains the script's own setup and response, if any. Used by http-ceiling.sh and read.lua.
local expected = tonumber(os.getenv("EXPECT_STATUS") or "200")
local threads = {}
local earlier_setup, earlier_response = setup, response
wrong = 0
function setup(thread)
  table.insert(threads, thread)
  if earlier_setup then earlier_setup(thread) end
end
function response(status, headers, body)
  if status ~= expected then wrong = wrong + 1 end
  if earlier_response then earlier_response(status, headers, body) end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("wrong") end
  io.write(string.format("answers not %d: %d\n", expected, n))
end
