-- Page lists for the printed book: "p. 12" or "pp. 12, 45–47" (tools/sphinx_ext/latex/roles.py).
-- \bookpages{doc:id,doc:id,...} (preamble.py) calls book_pages(list). The pages come from the
-- labels of the previous LaTeX run (hyperref's \r@<label>: {ref}{page}{title}{anchor}{}); repeats
-- are dropped and runs of pages joined into ranges, each number a link to its first label. A label
-- not known yet prints "??" through \pageref, which tells latexmk to run LaTeX again.

local function groups(body)
  local found, depth, start = {}, 0, nil
  for i = 1, #body do
    local char = body:sub(i, i)
    if char == "{" then
      if depth == 0 then start = i + 1 end
      depth = depth + 1
    elseif char == "}" then
      depth = depth - 1
      if depth == 0 then found[#found + 1] = body:sub(start, i - 1) end
    end
  end
  return found
end

local function link(label, text)
  return "\\hyperref[\\detokenize{" .. label .. "}]{" .. text .. "}"
end

function book_pages(list)
  local pages, seen, missing = {}, {}, nil
  for label in list:gmatch("[^,]+") do
    local body = token.get_macro("r@" .. label)
    local page = body and groups(body)[2]
    if page then
      if not seen[page] then
        seen[page] = true
        pages[#pages + 1] = {page = page, label = label, number = tonumber(page), order = #pages}
      end
    else
      missing = missing or label
    end
  end
  if #pages == 0 then
    tex.sprint("p.\\nobreakspace\\pageref{\\detokenize{" .. (missing or "") .. "}}")
    return
  end
  -- arabic page numbers in ascending order, any other (roman) after them as they came
  table.sort(pages, function(a, b)
    local x, y = a.number or math.huge, b.number or math.huge
    if x ~= y then return x < y end
    return a.order < b.order
  end)
  local parts, count, i = {}, 0, 1
  while i <= #pages do
    local first, last = pages[i], pages[i]
    while pages[i + 1] and last.number and pages[i + 1].number == last.number + 1 do
      i = i + 1
      last = pages[i]
    end
    count = count + (first == last and 1 or 2)
    local text = link(first.label, first.page)
    if first ~= last then text = text .. "\\textendash " .. link(last.label, last.page) end
    parts[#parts + 1] = text
    i = i + 1
  end
  local out = (count > 1 and "pp." or "p.") .. "\\nobreakspace" .. table.concat(parts, ", ")
  if missing then out = out .. " \\pageref{\\detokenize{" .. missing .. "}}" end
  tex.sprint(out)
end
