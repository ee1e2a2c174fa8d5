-- wrk script: GET the progress view of complaints by number with a channel system's bearer token
-- (TOKEN), each connection going round the numbers in NUMBERS (a file, the number first on each
-- line, as bench/LoadGen.java writes it), each thread starting at another place. Prints the count
-- of answers that were not 200 when wrk is done (checked.lua).
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do
  local n = line:match("^(%S+)")
  if n then numbers[#numbers + 1] = n end
end
local auth = "Bearer " .. (os.getenv("TOKEN") or "")
local next_thread = 0
local i = 0

function setup(thread)
  thread:set("offset", next_thread * 7919)
  next_thread = next_thread + 1
end

function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  local path = "/api/v1/complaints/" .. numbers[(i % #numbers) + 1]
  return wrk.format("GET", path, { ["Authorization"] = auth })
end

-- every answer's status checked (200): checked.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "checked.lua")
