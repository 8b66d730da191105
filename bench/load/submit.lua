-- Answer submission: every request posts the right answer to a different unanswered question
-- of the logged-in student. Arguments (after "--"): the Lua file of {url, body} pairs written
-- by run.py, the number of wrk threads, the Cookie header and the CSRF token.
-- Thread i takes items i, i + threads, i + 2 × threads...: no two requests share a question
-- (after the last item a thread starts again: a repeated identical answer, counted once).
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  items = dofile(args[1])
  step = tonumber(args[2])
  index = id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = args[3]
  wrk.headers["X-CSRFToken"] = args[4]
end

function request()
  local item = items[index]
  index = index + step
  if index > #items then index = id end
  return wrk.format(nil, item[1], nil, item[2])
end
