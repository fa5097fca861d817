-- Written beside the .tex by tools/sphinx_ext/latex/latexmk.py: break points inside very long words.
-- Long words.  Seeds contain URLs and file names of 100+ characters without a space
-- (the conversion report quotes them), and passage ids sit in narrow table columns.
-- TeX cannot break them and prints them into the margin ("Overfull \hbox").  This
-- LuaTeX filter runs after the fonts are applied (so HarfBuzz shaping is untouched)
-- and, in words that look technical (a digit or one of / % _ = & ? # in them) and
-- are at least MIN glyphs long, allows a cheap break after / % _ = & ? # . : , ; - )
-- ] | and an expensive one between any two Latin glyphs; words of 30 glyphs or more
-- get the expensive breaks too.  Ordinary words are never touched, and numbers (2,000,
-- 1971–2000, 12.5) are never broken.
local GLYPH, GLUE, KERN, DISC, PENALTY =
  node.id("glyph"), node.id("glue"), node.id("kern"), node.id("disc"), node.id("penalty")
local MIN, LONG = 12, 30
local CHEAP, EXPENSIVE = 100, 4000
local AFTER, MARKS = {}, {}
for _, c in ipairs({0x2F, 0x25, 0x5F, 0x3D, 0x26, 0x3F, 0x23, 0x2E, 0x3A, 0x2C,
                    0x3B, 0x2D, 0x29, 0x5D, 0x7C}) do AFTER[c] = true end
for _, c in ipairs({0x2F, 0x25, 0x5F, 0x3D, 0x26, 0x3F, 0x23}) do MARKS[c] = true end

local function penalty(value)
  local p = node.new(PENALTY)
  p.penalty = value
  return p
end

local SEPARATORS = {[0x2C] = true, [0x2E] = true, [0x2D] = true, [0x2013] = true, [0x2212] = true}

local function digit(c)
  return c >= 0x30 and c <= 0x39
end

-- between glyphs i and i+1 of a number such as 2,000, 1971–2000 or 12.5
local function inside_number(word, i)
  local a, b = word[i].char, word[i + 1].char
  if digit(a) and digit(b) then return true end
  if digit(a) and SEPARATORS[b] and word[i + 2] and digit(word[i + 2].char) then return true end
  return SEPARATORS[a] and digit(b) and i > 1 and digit(word[i - 1].char)
end

local function technical(word)
  for _, g in ipairs(word) do
    if MARKS[g.char] or (g.char >= 0x30 and g.char <= 0x39) then return true end
  end
  return false
end

local function add_breaks(head, word)
  local n = #word
  if n < MIN then return head end
  local tech = technical(word)
  if not tech and n < LONG then return head end
  for i = 1, n - 1 do
    local g, following = word[i], word[i].next
    if following and following.id ~= PENALTY and following.id ~= DISC and not inside_number(word, i) then
      local value
      if tech and AFTER[g.char] then
        value = CHEAP
      elseif g.char < 0x250 and word[i + 1].char < 0x250 then
        value = EXPENSIVE
      end
      if value then head = node.insert_after(head, g, penalty(value)) end
    end
  end
  return head
end

local function long_words(head)
  local word = {}
  for n in node.traverse(head) do
    if n.id == GLYPH then
      word[#word + 1] = n
    elseif n.id == KERN or n.id == DISC or (n.id == GLUE and n.width == 0
        and n.stretch == 0) then
      -- inside a word: font kerns, hyphenation points, Sphinx's \sphinxhyphen
    else
      head = add_breaks(head, word)
      word = {}
    end
  end
  return add_breaks(head, word)
end

luatexbase.add_to_callback("pre_linebreak_filter", long_words, "book.longwords")
