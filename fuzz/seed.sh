#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed) from the shipped
# project and the test fixtures, plus the .ftl, .md, .txt, .tbx and .csv files of any
# directory given as an argument. Run from anywhere; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
mkdir -p "$corpus"/{check,split,termbase,overlay}
seed() { # target file...
  local target=$1; shift
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$corpus/$target/$(echo "${f#"$root"/}" | tr '/' '_')"
  done
}
shopt -s nullglob globstar
seed check "$root"/locales/**/*.ftl "$root"/tests/fixtures/**/*.ftl
seed split "$root"/source/*.md "$root"/tests/fixtures/**/*.md
seed termbase "$root"/locales/*.tbx "$root"/tests/fixtures/**/*.tbx "$root"/tests/fixtures/**/*.csv
for extra in "$@"; do
  seed check "$extra"/**/*.ftl
  seed split "$extra"/**/*.md "$extra"/**/*.txt
  seed termbase "$extra"/**/*.tbx "$extra"/**/*.csv
done
# One article body with every construct the splitter knows (front matter comes from the
# target when the input has none).
cat > "$corpus/split/constructs.md" <<'MD'
Intro with *emphasis*, **strong**, `code`, a [link](https://example.org/a "t") and {braces} & &amp;.

## Care {#care}

1. First step
2. Second, with a [mail](mailto:a@example.org)
   - nested item

> A quote.

| Head | Other |
|------|-------|
| cell | *x*   |

![An image](img/a.png)

---

## FAQ {.faq}

### How long?

Two *weeks*.

## References {.references}

- Author. *A cited title*. 2024.
MD
# The overlay reads formatted message text: one file per message of the shipped locales.
for f in "$root"/locales/*/*.ftl "$root"/tests/fixtures/projects/*/locales/*/*.ftl; do
  n=0
  while IFS= read -r line; do
    case "$line" in
      *" = "*) n=$((n + 1)); printf '%s' "${line#* = }" > "$corpus/overlay/$(basename "$(dirname "$f")")_$(basename "$f" .ftl)_$n" ;;
    esac
  done < "$f"
done
for t in check split termbase overlay; do
  echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
