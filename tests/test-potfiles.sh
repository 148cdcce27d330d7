#!/usr/bin/env bash
# Every file with translatable strings must be listed in po/POTFILES.in, or its strings
# never reach the translators; every listed file must exist; zh_CN.po must be complete.
# TAP output.
top="$1"
cd "$top" || exit 1
echo "1..4"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
missing=$(grep -rlE '(\b_|\bN_|\bC_|\bNC_)\(|translatable="yes"' app core ui resources 2>/dev/null \
          | grep -vE '\.(po|pot)$' | sort | comm -23 - <(echo "$listed"))
if [ -z "$missing" ]; then
  echo "ok 1 - every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok 1 - missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/# /'
fi

gone=""
for f in $listed; do
  [ -e "$f" ] || gone="$gone $f"
done
if [ -z "$gone" ]; then
  echo "ok 2 - every file in po/POTFILES.in exists"
else
  echo "not ok 2 - listed but missing:$gone"
fi

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*|*error*) echo "not ok 3 - po/zh_CN.po is not complete: $stats" ;;
  *) echo "ok 3 - po/zh_CN.po is complete: $stats" ;;
esac

# Every translatable string of the current sources has a Chinese translation.
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
if xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 -o "$pot" \
     --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format 2>/dev/null; then
  out=$(LC_ALL=C msgcmp po/zh_CN.po "$pot" 2>&1)
  if [ -z "$out" ]; then
    echo "ok 4 - po/zh_CN.po translates every string of the current sources"
  else
    echo "not ok 4 - po/zh_CN.po lacks strings of the current sources:"
    echo "$out" | head -40 | sed 's/^/# /'
  fi
else
  echo "not ok 4 - xgettext failed on po/POTFILES.in"
fi
