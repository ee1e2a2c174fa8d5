-- wrk script: POST a complaint, each request a different customer and subject (Chinese text),
-- optionally paced (RATE_DELAY_MS per request and connection) for a fixed-rate run.
local counter = 0
local next_thread = 0
local delay_ms = tonumber(os.getenv("RATE_DELAY_MS") or "0")
-- Seconds since the epoch, modulo 1,000, times a million: each run's customers differ from the
-- last 16 minutes of runs' (at most a million requests per thread and run).
local run_base = (os.time() % 1000) * 1000000
-- R-S1: a channel system's bearer token (bench/intake-load.sh mints one with ./complaints token).
local auth = "Bearer " .. (os.getenv("TOKEN") or "")

-- Each thread's own number, set in its Lua state by setup (a global there: a local of this chunk
-- would be 0 in every thread, and both threads would send the same customers).
function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  math.randomseed(os.time() + (thread_number or 0))
end

function delay()
  if delay_ms > 0 then
    return delay_ms
  end
  return 0
end

function request()
  counter = counter + 1
  -- A new customer each request, and new ones each run: the same mobile again would be a repeat
  -- complaint (R-X1) of an earlier run's, with its escalation and task force.
  local mobile = string.format("1%d%09d", 3 + (thread_number or 0) % 7, (run_base + counter) % 1000000000)
  local body = string.format(
    '{"channel":"MOBILE_APP","customer":{"name":"压测客户%d","mobile":"%s"},' ..
    '"subject":"手机银行转账失败 %d","description":"2026年11月20日转账时页面报错，款项被扣但对方未收到。"}',
    counter, mobile, counter)
  return wrk.format("POST", "/api/v1/complaints", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end
