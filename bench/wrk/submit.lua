-- wrk script: POST a complaint, each request a different customer and subject (Chinese text),
-- optionally paced (RATE_DELAY_MS per request and connection) for a fixed-rate run.
local counter = 0
local thread_id = 0
local delay_ms = tonumber(os.getenv("RATE_DELAY_MS") or "0")
-- R-S1: a channel system's bearer token (bench/intake-load.sh mints one with ./complaints token).
local auth = "Bearer " .. (os.getenv("TOKEN") or "")

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0))
end

function delay()
  if delay_ms > 0 then
    return delay_ms
  end
  return 0
end

function request()
  counter = counter + 1
  local mobile = string.format("13%d%08d", (thread_id or 0) % 10, counter % 100000000)
  local body = string.format(
    '{"channel":"MOBILE_APP","customer":{"name":"压测客户%d","mobile":"%s"},' ..
    '"subject":"手机银行转账失败 %d","description":"2026年11月20日转账时页面报错，款项被扣但对方未收到。"}',
    counter, mobile, counter)
  return wrk.format("POST", "/api/v1/complaints", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 201 then
    non2xx = non2xx + 1
  end
end
