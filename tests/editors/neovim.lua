-- Neovim (0.7+) headless against `medloc lsp`, with its built-in LSP client only: opens the
-- translation MEDLOC_FILE of the project MEDLOC_ROOT, waits for the server's diagnostics,
-- hovers on line MEDLOC_LINE (1-based) and writes what it saw as JSON to MEDLOC_OUT.
-- Run by tests/editors.rs: nvim --headless -u NONE -c 'luafile tests/editors/neovim.lua'
local out = os.getenv("MEDLOC_OUT")
local result = { diagnostics = {}, hover = nil, error = nil }

local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("MEDLOC_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "medloc",
    cmd = { os.getenv("MEDLOC_BIN"), "lsp" },
    root_dir = os.getenv("MEDLOC_ROOT"),
  })
  if not id then
    result.error = "the client did not start"
    return
  end
  vim.lsp.buf_attach_client(buf, id)
  local got = vim.wait(60000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not got then
    result.error = "no diagnostics within 60 s"
    return
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, message = d.message, code = code })
  end
  vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv("MEDLOC_LINE")), 2 })
  local client = vim.lsp.get_client_by_id(id)
  local response = client.request_sync("textDocument/hover", vim.lsp.util.make_position_params(), 30000, buf)
  if response and response.result then
    result.hover = response.result.contents.value
  else
    result.error = "no hover: " .. vim.inspect(response)
  end
end)
if not ok then
  result.error = tostring(err)
end
finish()
